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

    // No backend in this test: answer the guest provider's refresh with a session.
    const payload = btoa(JSON.stringify({ exp: Date.now() / 1000 + 3600 }));
    const realFetch = global.fetch;
    global.fetch = jest.fn(async (input: RequestInfo | URL) => {
      if (String(input).endsWith('/api/auth/guest/refresh')) {
        return new Response(
          JSON.stringify({
            profile: { displayName: 'Guest' },
            backstageIdentity: {
              token: `e30.${payload}.sig`,
              identity: {
                type: 'user',
                userEntityRef: 'user:default/guest',
                ownershipEntityRefs: ['user:default/guest'],
              },
            },
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        );
      }
      return new Response('{}', { status: 404 });
    }) as typeof fetch;

    // The development sign-in page offers both personas.
    expect(
      await rendered.findByRole('button', {
        name: 'Enter as compliance officer',
      }),
    ).toBeInTheDocument();
    // Sign in as the guest engineer, then the sidebar lists the catalog and the AIMS
    // inventory (page:aims).
    fireEvent.click(
      await rendered.findByRole('button', {
        name: 'Enter as engineer (guest)',
      }),
    );
    expect(
      await rendered.findByRole(
        'link',
        { name: /AI Inventory/ },
        { timeout: 10000 },
      ),
    ).toHaveAttribute('href', '/ai-inventory');
    global.fetch = realFetch;
  });
});
