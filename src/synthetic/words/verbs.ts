import { words } from './split';

// Résumé verbs, most common first: a list's order is its popularity.
export const verbs = words(`
built designed developed led implemented created improved managed delivered launched owned
maintained migrated automated scaled optimized architected shipped rebuilt introduced drove
established integrated reduced streamlined refactored deployed modernized standardized consolidated
prototyped researched analyzed coordinated mentored defined wrote documented tested monitored
supported extended redesigned replaced simplified accelerated expanded secured hardened tuned
instrumented benchmarked profiled debugged diagnosed resolved triaged evaluated assessed audited
reviewed negotiated championed spearheaded pioneered initiated organized
planned prioritized facilitated presented trained coached hired onboarded grew restructured
reorganized transformed unified centralized decentralized decoupled containerized virtualized
orchestrated provisioned configured customized localized internationalized translated
visualized modeled forecasted estimated measured quantified tracked reported surfaced uncovered
identified discovered validated verified certified enforced cataloged curated aggregated
normalized cleansed enriched indexed ranked classified labeled annotated segmented clustered
personalized recommended predicted detected flagged prevented mitigated remediated patched
upgraded retired deprecated sunset archived backfilled replicated synchronized reconciled
balanced cached batched sharded partitioned throttled compressed encrypted tokenized
authenticated authorized federated exposed published packaged bundled released versioned
branded marketed sourced procured budgeted invoiced billed priced monetized
captured converted retained engaged activated sponsored evangelized
taught authored edited illustrated sketched wireframed storyboarded animated rendered
composed crafted tailored shaped framed drafted specified scoped estimated sequenced
dispatched routed scheduled allocated staffed rostered inspected calibrated
assembled fabricated machined soldered wired flashed embedded ported compiled transpiled
linted formatted typed generated scaffolded templated parameterized abstracted encapsulated
composed orchestrated choreographed piloted trialed stabilized revived rescued
turned-around salvaged untangled rewrote reengineered reimagined rethought reframed
`);
