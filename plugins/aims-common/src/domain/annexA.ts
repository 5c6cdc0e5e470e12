import { ANNEX_A_DATA } from './generated';

/** One ISO/IEC 42001 Annex A control, as listed in the domain data. */
export interface AnnexAControl {
  id: string;
  title: string;
  categoryId: string;
  categoryTitle: string;
  subgroup?: string;
}

/** All 38 Annex A controls in catalogue order. */
export const ANNEX_A_CONTROLS: readonly AnnexAControl[] =
  ANNEX_A_DATA.categories.flatMap(category =>
    category.controls.map(control => ({
      id: control.id,
      title: control.title,
      categoryId: category.id,
      categoryTitle: category.title,
      ...('subgroup' in control ? { subgroup: control.subgroup } : {}),
    })),
  );

const controlsById = new Map(ANNEX_A_CONTROLS.map(c => [c.id, c]));

/** Looks up an Annex A control by id (e.g. `A.5.2`); undefined for ids the standard lacks. */
export function getAnnexAControl(id: string): AnnexAControl | undefined {
  return controlsById.get(id);
}
