import { useCallback, useState } from 'react';
import {
  Content,
  ContentHeader,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  WarningPanel,
} from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import type { IdentityApi } from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';

/**
 * A development persona: an auth provider in packages/backend that signs in as one fixed
 * catalog user (`guest` → auth.providers.guest.userEntityRef, `compliance` →
 * auth.providers.compliance.userEntityRef). Both only work when the backend runs with
 * NODE_ENV=development.
 */
export type DevPersona = {
  provider: string;
  title: string;
  /** the button's accessible name (Playwright: getByRole('button', { name })) */
  button: string;
  description: string;
};

export const DEV_PERSONAS: DevPersona[] = [
  {
    provider: 'guest',
    title: 'Engineer',
    button: 'Enter as engineer (guest)',
    description:
      'Signs in as user:default/guest, a member of Customer Experience. Owns the customer-channels services and the AI systems support-assistant, call-summariser and agent-emotion-monitor: edits their impact assessments and risks, and submits assessments for review. Cannot approve.',
  },
  {
    provider: 'compliance',
    title: 'Compliance officer',
    button: 'Enter as compliance officer',
    description:
      'Signs in as user:default/compliance-officer, a member of AI Governance. Approves or returns impact assessments in review and may edit the assessments and risks of every AI system.',
  },
];

/** Remembers the chosen persona so a reload signs in again without asking. */
export const PERSONA_STORAGE_KEY = 'aims:dev-sign-in:provider';

function readStoredPersona(): string | undefined {
  try {
    const stored = window.localStorage.getItem(PERSONA_STORAGE_KEY);
    return DEV_PERSONAS.some(p => p.provider === stored)
      ? stored ?? undefined
      : undefined;
  } catch {
    return undefined;
  }
}

function forgetPersona() {
  try {
    window.localStorage.removeItem(PERSONA_STORAGE_KEY);
  } catch {
    // storage unavailable: nothing to forget
  }
}

/** Signing out forgets the persona, so the sign-in page asks again. */
function forgetPersonaOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      forgetPersona();
      await identity.signOut();
    },
  };
}

/**
 * Local-development sign-in: choose a persona, then the proxied provider signs in as its
 * fixed user (and refreshes the session in the background, like the guest provider).
 */
export function DevPersonaSignInPage(props: SignInPageProps) {
  const { onSignInSuccess } = props;
  const configApi = useApi(configApiRef);
  const [provider, setProvider] = useState<string | undefined>(
    readStoredPersona,
  );

  const handleSuccess = useCallback(
    (identity: IdentityApi) =>
      onSignInSuccess(forgetPersonaOnSignOut(identity)),
    [onSignInSuccess],
  );

  if (provider) {
    const persona = DEV_PERSONAS.find(p => p.provider === provider)!;
    return (
      <ProxiedSignInPage
        provider={provider}
        onSignInSuccess={handleSuccess}
        ErrorComponent={({ error }) => (
          <Page themeId="home">
            <Header title={configApi.getString('app.title')} />
            <Content>
              <WarningPanel
                severity="error"
                title={`Could not sign in as ${persona.title.toLocaleLowerCase(
                  'en-US',
                )}`}
                message={`${
                  error?.message ?? 'Sign-in failed'
                } — is the backend running with NODE_ENV=development and auth.providers.${provider} configured?`}
              />
              <Button
                color="primary"
                variant="outlined"
                style={{ marginTop: 16 }}
                onClick={() => {
                  forgetPersona();
                  setProvider(undefined);
                }}
              >
                Choose another persona
              </Button>
            </Content>
          </Page>
        )}
      />
    );
  }

  const choose = (persona: DevPersona) => {
    window.localStorage.setItem(PERSONA_STORAGE_KEY, persona.provider);
    setProvider(persona.provider);
  };

  return (
    <Page themeId="home">
      <Header title={configApi.getString('app.title')} />
      <Content>
        <ContentHeader title="Sign in — local development" />
        <Grid container spacing={2}>
          {DEV_PERSONAS.map(persona => (
            <Grid item xs={12} md={6} lg={4} key={persona.provider}>
              <InfoCard
                title={persona.title}
                variant="fullHeight"
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    onClick={() => choose(persona)}
                  >
                    {persona.button}
                  </Button>
                }
              >
                <Typography variant="body1">{persona.description}</Typography>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
