import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// the editor and the lazily loaded pages take a while to render in jsdom
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30000);
