export { isClusterPrimary, runClusterPrimary, workerStopped } from './cluster-primary';
