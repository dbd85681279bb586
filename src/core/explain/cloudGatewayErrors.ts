import { alibabaGatewayErrors, huaweiGatewayErrors } from './alibabaHuaweiGatewayErrors';
import { awsGatewayErrors, type CloudEntry } from './awsGatewayErrors';
import type { GatewayErrorEntry } from './gatewayErrorEntry';
import { tencentCloudGatewayErrors } from './tencentCloudGatewayErrors';

const tagged = (gateway: GatewayErrorEntry['gateway'], entries: CloudEntry[]): GatewayErrorEntry[] =>
  entries.map((entry) => ({ ...entry, gateway }));

/** AWS, Tencent Cloud API 3.0, Alibaba Cloud and Huawei Cloud APIG rejections (signing-clouds.md §10.1–10.4). */
export const cloudGatewayErrors: readonly GatewayErrorEntry[] = [
  ...tagged('aws', awsGatewayErrors),
  ...tagged('tencent-cloud', tencentCloudGatewayErrors),
  ...tagged('alibaba', alibabaGatewayErrors),
  ...tagged('huawei', huaweiGatewayErrors),
];
