export const REGIONS = ['cn-hangzhou', 'us-west-1'] as const;
export type Region = (typeof REGIONS)[number];

export interface Instance {
  id: string;
  name: string;
  status: 'Running' | 'Stopped' | 'Stopping';
  type: string;
  zone: string;
  ip: string;
}

export const INSTANCES: Record<Region, Instance[]> = {
  'cn-hangzhou': [
    { id: 'i-bp1a2b3c4d5e6f7g8h9i', name: 'web-frontend-1', status: 'Running', type: 'ecs.g7.large', zone: 'cn-hangzhou-h', ip: '10.0.1.12' },
    { id: 'i-bp1k2l3m4n5o6p7q8r9s', name: 'web-frontend-2', status: 'Running', type: 'ecs.g7.large', zone: 'cn-hangzhou-i', ip: '10.0.2.17' },
    { id: 'i-bp1t2u3v4w5x6y7z8a9b', name: 'batch-worker', status: 'Stopped', type: 'ecs.c7.xlarge', zone: 'cn-hangzhou-h', ip: '10.0.1.40' },
    { id: 'i-bp1c2d3e4f5g6h7i8j9k', name: 'db-replica', status: 'Stopping', type: 'ecs.r7.2xlarge', zone: 'cn-hangzhou-j', ip: '10.0.3.5' },
  ],
  'us-west-1': [{ id: 'i-rj9x8w7v6u5t4s3r2q1p', name: 'edge-proxy', status: 'Running', type: 'ecs.g7.medium', zone: 'us-west-1a', ip: '172.16.0.8' }],
};

export interface Bucket {
  name: string;
  objects: number;
  acl: 'private' | 'public-read';
  size: string;
}

export const BUCKETS: Record<Region, Bucket[]> = {
  'cn-hangzhou': [
    { name: 'stratus-assets', objects: 12840, acl: 'public-read', size: '38.2 GB' },
    { name: 'billing-exports', objects: 311, acl: 'private', size: '1.1 GB' },
  ],
  'us-west-1': [{ name: 'edge-logs', objects: 90211, acl: 'private', size: '412 GB' }],
};

export interface CdnDomain {
  id: string;
  domain: string;
  origin: string;
  status: 'Online' | 'Configuring';
}

/** CDN is global: no region in its URLs. */
export const CDN_DOMAINS: CdnDomain[] = [
  { id: 'cdn-3f9a21', domain: 'static.stratus.example', origin: 'stratus-assets.oss-cn-hangzhou', status: 'Online' },
  { id: 'cdn-7c41be', domain: 'img.stratus.example', origin: '10.0.1.12', status: 'Configuring' },
];

export interface Vpc {
  id: string;
  name: string;
  cidr: string;
  vswitches: number;
}

export const VPCS: Record<Region, Vpc[]> = {
  'cn-hangzhou': [
    { id: 'vpc-bp15zckdt37pq72zv', name: 'production', cidr: '10.0.0.0/16', vswitches: 3 },
    { id: 'vpc-bp1opxu1zkhn00gzv', name: 'staging', cidr: '172.16.0.0/16', vswitches: 1 },
  ],
  'us-west-1': [{ id: 'vpc-rj9g8h7f6e5d4c3b2', name: 'edge', cidr: '192.168.0.0/16', vswitches: 2 }],
};
