import type { MockKey } from '../mockKeys';

/**
 * The public demo credentials of the cloud schemes (examples/README.md), valid only against this local
 * mock: one per scheme, usage counted like the Tencent demo keys.
 */
export type CloudScheme = 'aws-sigv4' | 'tencent-tc3' | 'alibaba-apigw' | 'huawei-apig';

export const cloudDemoKeys: Record<CloudScheme, MockKey> = {
  'aws-sigv4': {
    scheme: 'aws-sigv4',
    id: 'AKIDGWHTTPDEMO000001',
    secret: 'gwhttp-demo-aws-secret-0001-not-a-real-key',
    usagePlanId: 'usagePlan-demo-aws',
    limit: 500,
    type: 'keypair',
  },
  'tencent-tc3': {
    scheme: 'tencent-tc3',
    id: 'AKIDgwhttpTC3DEMO000000000000000001',
    secret: 'gwhttp-demo-tc3-secret-0001-not-a-real-key',
    usagePlanId: 'usagePlan-demo-tc3',
    limit: 500,
    type: 'keypair',
  },
  'alibaba-apigw': {
    scheme: 'alibaba-apigw',
    id: '203753385',
    secret: 'gwhttp-demo-alibaba-secret-0001-not-a-real-key',
    usagePlanId: 'usagePlan-demo-alibaba',
    limit: 500,
    type: 'keypair',
  },
  'huawei-apig': {
    scheme: 'huawei-apig',
    id: 'gwhttp-demo-huawei-app-key',
    secret: 'gwhttp-demo-huawei-secret-0001-not-a-real-key',
    usagePlanId: 'usagePlan-demo-huawei',
    limit: 500,
    type: 'keypair',
  },
};
