import type { SkillCategory } from '../skill-categories';
import { phrases } from './split';

// What follows a technology's name in a narrower skill ("PostgreSQL Replication").
export const aspectsByCategory: Partial<Record<SkillCategory, readonly string[]>> = {
  Languages: phrases('Performance Tuning|Concurrency|Packaging|Type System|Internals|Tooling|Metaprogramming|Best Practices'),
  Frontend: phrases('Performance|Testing|Migration|Plugins|Internals|Animations|State Management|Server-Side Rendering'),
  Backend: phrases('Performance|Testing|Security|Migration|Plugins|Internals|Scaling|Middleware'),
  Databases: phrases('Administration|Replication|Performance Tuning|Migrations|Internals|Backup and Recovery|Sharding|Security'),
  Cloud: phrases('Cost Optimization|Networking|Security|Architecture|Migration|Automation|Governance|Monitoring'),
  DevOps: phrases('Operators|Administration|Automation|Security|Monitoring|Pipelines|Migration|Troubleshooting'),
  Data: phrases('Tuning|Operations|Streaming|Optimization|Connectors|Migration|Testing|Orchestration'),
  ML: phrases('Fine-tuning|Deployment|Optimization|Evaluation|Pipelines|Interpretability|Quantization|Serving'),
  Mobile: phrases('Performance|Accessibility|Testing|Animations|Offline Sync|Push Notifications|Security|Release Management'),
  Testing: phrases('Automation|Reporting|Parallelization|Mocking|Fixtures|Migration'),
  Analytics: phrases('Dashboards|Modeling|Administration|Governance|Automation|Embedding'),
};

// What a person does with a business topic ("Payments Compliance"), and which category that makes it.
export const practices: readonly { practice: string; category: SkillCategory }[] = [
  { practice: 'Analytics', category: 'Analytics' },
  { practice: 'Integration', category: 'Backend' },
  { practice: 'Compliance', category: 'Business' },
  { practice: 'Automation', category: 'DevOps' },
  { practice: 'Forecasting', category: 'ML' },
  { practice: 'Operations', category: 'Business' },
  { practice: 'Reporting', category: 'Analytics' },
  { practice: 'Optimization', category: 'Data' },
  { practice: 'Platforms', category: 'Backend' },
  { practice: 'Risk Models', category: 'ML' },
];
