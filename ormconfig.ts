import { DataSource } from 'typeorm';
import { loadConfigOrExit } from './src/config';
import { dataSourceOptions } from './src/database/data-source-options';

// The one DataSource, shared by the service and the TypeORM CLI (which insists on a single export).
export const dataSource = new DataSource(dataSourceOptions(loadConfigOrExit()));
