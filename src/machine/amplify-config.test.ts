import { Amplify } from 'aws-amplify';
import { describe, expect, it, vi } from 'vitest';
import { configureAmplify } from './amplify-auth';

const POOL = { userPoolId: 'eu-west-1_abc123', userPoolClientId: 'client1', endpoint: 'http://127.0.0.1:9229', cookieStorage: false };

describe('configureAmplify in a host app', () => {
  it('keeps the categories the host configured, and configures again only when the config changes', () => {
    Amplify.configure({ API: { REST: { orders: { endpoint: 'https://api.example.com/orders', region: 'eu-west-1' } } } });
    const configure = vi.spyOn(Amplify, 'configure');
    configureAmplify(POOL);
    expect(Object.keys(Amplify.getConfig()).sort()).toEqual(['API', 'Auth']);
    expect(Amplify.getConfig().Auth?.Cognito).toMatchObject({ userPoolId: 'eu-west-1_abc123', userPoolClientId: 'client1', userPoolEndpoint: 'http://127.0.0.1:9229' });
    // An equal config written inline on every render: no reconfiguration.
    configureAmplify({ ...POOL });
    configureAmplify({ ...POOL });
    expect(configure).toHaveBeenCalledTimes(1);
    configureAmplify({ ...POOL, userPoolClientId: 'client2' });
    expect(configure).toHaveBeenCalledTimes(2);
    expect(Amplify.getConfig().API).toBeDefined();
    configure.mockRestore();
  });
});
