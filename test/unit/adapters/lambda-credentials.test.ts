import { describe, expect, it } from 'vitest';
import { defaultProvider } from '../../../shared/adapters/lambda-credentials';

/** What the function bundles use in place of the SDK's default credential chain. */
describe('the credentials of a function in AWS', () => {
  const withEnv = async <T>(vars: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> => {
    const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    try {
      return await run();
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
  };

  it('are the role credentials Lambda puts in the environment, session token included', async () => {
    const credentials = await withEnv(
      { AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret-example', AWS_SESSION_TOKEN: 'token-example' },
      () => defaultProvider({})(),
    );
    expect(credentials).toMatchObject({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret-example', sessionToken: 'token-example' });
  });

  it('fail with the SDK credentials error when the environment has none', async () => {
    await expect(
      withEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SESSION_TOKEN: undefined }, () => defaultProvider({})()),
    ).rejects.toMatchObject({ name: 'CredentialsProviderError' });
  });
});
