import { render, waitFor, fireEvent } from '@testing-library/react';
import App from './App';

jest.setTimeout(30000);

describe('App', () => {
  it('should render', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    const rendered = render(App.createRoot());

    await waitFor(() => {
      expect(rendered.baseElement).toBeInTheDocument();
    });

    // No auth backend in this test: accept the legacy guest token fallback.
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    jest.spyOn(console, 'warn').mockImplementation(() => {});
    // Sign in as guest, then the sidebar lists the catalog and the AIMS inventory (page:aims).
    fireEvent.click(await rendered.findByRole('button', { name: 'Enter' }));
    expect(
      await rendered.findByRole(
        'link',
        { name: /AI Inventory/ },
        { timeout: 10000 },
      ),
    ).toHaveAttribute('href', '/ai-inventory');
  });
});
