import { phrases } from './split';

// What engineers build and run, most common first.
export const systemNouns = phrases(`
platform|service|pipeline|API|dashboard|application|backend|frontend|infrastructure|system
data platform|microservices|web app|mobile app|data warehouse|design system|checkout flow|search engine|recommendation engine|ETL pipeline
CI/CD pipeline|admin console|reporting suite|analytics stack|event bus|message queue|feature store|model registry|data lake|identity service
billing engine|notification service|payment gateway|pricing engine|ranking model|fraud model|chatbot|SDK|CLI|plugin system
component library|monorepo|build system|test harness|release process|deployment tooling|observability stack|logging pipeline|alerting rules|on-call rotation
GraphQL gateway|REST API|gRPC services|webhook system|integration layer|sync engine|offline cache|content pipeline|media pipeline|transcoding service
scheduling engine|routing engine|matching engine|bidding system|ad server|experimentation platform|A/B testing framework|feature flag service|config service|secrets manager
permission model|audit log|access control layer|single sign-on|onboarding flow|signup funnel|referral program|loyalty program|CRM integration|ERP integration
inventory system|order management system|warehouse management system|fleet tracker|telematics platform|IoT gateway|firmware|device management|edge runtime|sensor network
data model|schema registry|metadata catalog|lineage graph|data contracts|quality checks|backfill jobs|batch jobs|stream processors|change data capture
search index|vector index|embedding service|retrieval pipeline|LLM assistant|evaluation harness|labeling tool|annotation workflow|training pipeline|inference service
forecasting model|churn model|propensity model|credit model|risk engine|compliance engine|KYC workflow|AML screening|claims workflow|underwriting engine
patient portal|EHR integration|telehealth app|lab results pipeline|clinical dashboard|trial management system|pharmacy system|care coordination tool|scheduling portal|triage assistant
learning platform|course builder|grading service|video player|live streaming stack|CDN configuration|image pipeline|asset manager|CMS|static site generator
storefront|marketplace|product catalog|cart service|promotions engine|tax service|shipping calculator|returns portal|seller tools|buyer app
game server|matchmaking service|leaderboard|physics engine|level editor|asset bundler|anti-cheat system|telemetry pipeline|live-ops tooling|in-game store
trading system|market data feed|order router|portfolio tracker|ledger|reconciliation service|settlement engine|treasury tool|invoicing system|expense tool
HR portal|payroll engine|time tracking app|applicant tracking system|performance review tool|benefits portal|intranet|knowledge base|help center|ticketing system
Kubernetes clusters|Terraform modules|Helm charts|service mesh|load balancers|VPN|network topology|DNS setup|disaster recovery plan|backup system
browser extension|desktop app|smart TV app|wearable app|voice assistant|AR experience|VR prototype|kiosk software|point-of-sale system|embedded UI
`);
