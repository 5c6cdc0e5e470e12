import { OpenApiResponseValidator } from './responseValidator';

describe('OpenApiResponseValidator', () => {
  const validator = new OpenApiResponseValidator();
  const counts = {
    totalCount: 1,
    byStatus: {
      missing: 1,
      draft: 0,
      'in-review': 0,
      approved: 0,
      'review-overdue': 0,
      'not-required': 0,
    },
    byTier: {
      prohibited: 0,
      'high-risk': 1,
      'limited-risk': 0,
      'minimal-risk': 0,
      'out-of-scope': 0,
      unclassified: 0,
    },
  };
  const json = (path: string, status: number, body: unknown, method = 'GET') =>
    validator.validate({
      method,
      path,
      status,
      contentType: 'application/json; charset=utf-8',
      body,
      hasBody: true,
    });

  it('accepts an answer that matches the spec', () => {
    expect(json('/inventory/counts', 200, counts)).toEqual([]);
  });

  it('fails a body that does not match the declared schema, naming the field', () => {
    const problems = json('/inventory/counts', 200, {
      ...counts,
      totalCount: 'one',
      byTier: { ...counts.byTier, 'very-high-risk': 2 },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^GET \/inventory\/counts → 200: body\/totalCount must be integer/,
        ),
        expect.stringMatching(
          /body\/byTier must NOT have additional properties/,
        ),
      ]),
    );
  });

  it('fails a missing required field and a wrong enum value', () => {
    const problems = json('/findings/12', 404, {
      error: { name: 'NotFoundError' },
      request: {},
      response: { statusCode: 404 },
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /body\/error must have required property 'message'/,
      ),
    ]);
    expect(
      json('/sources', 200, {
        items: [
          {
            id: 'kubernetes',
            status: 'sleepy',
            lastSuccessAt: null,
            lastFailureAt: null,
            lastError: null,
            observationCount: 0,
          },
        ],
        reconcileBacklog: { waiting: 0, oldestRequestedAt: null },
      }),
    ).toEqual([
      expect.stringMatching(
        /body\/items\/0\/status must be equal to one of the allowed values/,
      ),
    ]);
  });

  it('fails a status code the operation does not declare', () => {
    expect(json('/risks/matrix', 418, {})).toEqual([
      expect.stringMatching(
        /status 418 is not declared for GET \/risks\/matrix/,
      ),
    ]);
  });

  it('fails a content type the operation does not declare, and accepts a declared CSV', () => {
    const csv = (path: string) =>
      validator.validate({
        method: 'GET',
        path,
        status: 200,
        contentType: 'text/csv; charset=utf-8',
        hasBody: true,
      });
    expect(csv('/inventory')).toEqual([]);
    expect(csv('/inventory/counts')).toEqual([
      expect.stringMatching(/content type "text\/csv" is not declared/),
    ]);
  });

  it('matches static paths before templates and fails unknown operations', () => {
    // /risks/matrix is its own operation, not GET /risks/{id}
    expect(
      json('/risks/matrix', 200, {
        likelihoodLevels: 5,
        impactLevels: 5,
        acceptanceThreshold: 8,
      }),
    ).toEqual([]);
    expect(json('/risks/r-1', 200, { likelihoodLevels: 5 })).not.toEqual([]);
    expect(json('/nowhere', 200, {})).toEqual([
      'GET /nowhere → 200: no operation in the spec',
    ]);
    expect(json('/inventory', 200, {}, 'DELETE')).toEqual([
      'DELETE /inventory → 200: no operation in the spec',
    ]);
    // a route the API does not have is rightly not found
    expect(json('/inventory', 404, {}, 'DELETE')).toEqual([]);
  });

  it('fails a body where the spec declares none, and none where it declares one', () => {
    const noBodyDeclared = new OpenApiResponseValidator({
      openapi: '3.1.0',
      paths: {
        '/x': { get: { responses: { '204': { description: 'none' } } } },
      },
    });
    expect(
      noBodyDeclared.validate({
        method: 'GET',
        path: '/x',
        status: 204,
        body: { a: 1 },
        contentType: 'application/json',
        hasBody: true,
      }),
    ).toEqual([expect.stringMatching(/declares no body for 204/)]);
    expect(
      validator.validate({
        method: 'GET',
        path: '/risks/matrix',
        status: 200,
        hasBody: false,
      }),
    ).toEqual([
      expect.stringMatching(/declares a body for 200, none was sent/),
    ]);
  });
});
