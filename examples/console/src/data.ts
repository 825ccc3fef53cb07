export interface Instance {
  id: string;
  name: string;
  status: 'Running' | 'Stopped' | 'Stopping';
  type: string;
  zone: string;
  ip: string;
}

export const INSTANCES: Instance[] = [
  { id: 'i-bp1a2b3c4d5e6f7g8h9i', name: 'web-frontend-1', status: 'Running', type: 'ecs.g7.large', zone: 'cn-hangzhou-h', ip: '10.0.1.12' },
  { id: 'i-bp1k2l3m4n5o6p7q8r9s', name: 'web-frontend-2', status: 'Running', type: 'ecs.g7.large', zone: 'cn-hangzhou-i', ip: '10.0.2.17' },
  { id: 'i-bp1t2u3v4w5x6y7z8a9b', name: 'batch-worker', status: 'Stopped', type: 'ecs.c7.xlarge', zone: 'cn-hangzhou-h', ip: '10.0.1.40' },
  { id: 'i-bp1c2d3e4f5g6h7i8j9k', name: 'db-replica', status: 'Stopping', type: 'ecs.r7.2xlarge', zone: 'cn-hangzhou-j', ip: '10.0.3.5' },
];
