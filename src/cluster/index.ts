export { isClusterPrimary, runClusterPrimary } from './cluster-primary';
