import { words } from './split';

// Most common first.
export const adjectives = words(`
scalable real-time distributed internal new high-traffic customer-facing reliable secure automated
cloud-native end-to-end cross-functional low-latency data-driven modular self-service multi-tenant
event-driven serverless mobile-first responsive accessible resilient fault-tolerant high-availability
observable maintainable reusable extensible configurable lightweight performant efficient robust
global regional multilingual omnichannel hybrid on-premise legacy greenfield brownfield
mission-critical revenue-critical latency-sensitive compliance-ready audit-ready privacy-preserving
cost-effective energy-efficient carbon-aware open-source proprietary in-house third-party white-label
B2B B2C consumer enterprise mid-market startup nonprofit public-sector federal municipal
interactive collaborative conversational generative predictive prescriptive descriptive analytical
statistical probabilistic deterministic asynchronous synchronous batch streaming incremental
declarative imperative functional typed schema-driven contract-first API-first design-led
user-centred mobile native cross-platform offline-first edge low-code no-code headless composable
pluggable containerized virtualized immutable stateless stateful ephemeral persistent durable
transactional idempotent concurrent parallel vectorized columnar geospatial temporal
multimodal semantic lexical visual auditory tactile immersive spatial volumetric
regulated HIPAA-compliant SOC2-ready PCI-compliant GDPR-compliant zero-trust least-privilege
encrypted tamper-evident signed verifiable traceable reproducible portable interoperable
standardized versioned documented tested benchmarked profiled instrumented monitored alerting
flaky brittle monolithic fragmented siloed manual outdated slow expensive noisy unreliable
seasonal peak nightly hourly daily weekly quarterly annual continuous on-demand just-in-time
affordable premium luxury budget wholesale retail direct indirect partner-led product-led
sales-led community-led usage-based subscription freemium metered prepaid postpaid
`);
