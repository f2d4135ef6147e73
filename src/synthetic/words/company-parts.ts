import { words } from './split';

// Pieces of made-up company names: coined words (start + end) and compounds (first + second).
export const coinedStarts = words(`
Zen Nov Ver Lum Quin Vant Aur Sol Tal Brix Cor Dax Elv Fin Gal Hal Ivo Jun Kel Lyr Mar Nex Oru Pax
Qua Ryn Sar Tor Ulv Vel Wyn Xan Yar Zol Ark Bel Cal Dor Esk Fal Gro Hex Ist Kor Lan Mev Nor Ond Pel
Rav Sev Tem Umb Val Wex Zyn Ax Obi Kai Teo Rio Lio Mio Evo Aro Ino Uno Alt Ever Omni Tri Pan
`);

export const coinedEnds = words(`
ova ora ix ium ara ex io ent ify ly a is os eon ica ity era on ance ant ium-x ado ella ino oza
ura ivo ari ora-x eco yx ent-a ella-x ona ata ido eza ira una ovo iva ana aro ue
`).map((end) => end.replace(/-x$|-a$/, ''));

export const compoundFirsts = words(`
Blue Bright North Red Iron Silver Cloud Stone River Oak Pine Swift True Clear Open Deep Sun Star
Moon Harbor Summit Peak Cedar Maple Falcon Fox Wolf Bear Orbit Pixel Quantum Vector Nova Atlas Apex
Delta Echo Fusion Lumen Signal Copper Granite Amber Coral Indigo Jade Onyx Ruby Sage Slate Teal
Birch Willow Aspen Juniper Hawk Raven Otter Lynx Bison Heron Kite Comet Meteor Nimbus Zephyr Tide
Grove Meadow Ridge Canyon Glacier Prairie Mesa Fjord Delta-Bay Lantern Beacon Compass Anchor Keystone
`).map((first) => first.replace('-Bay', ''));

export const compoundSeconds = words(`
line path wave works stack forge field bridge point gate light scale leaf rock stream base hub loop
mind sight craft yard ware shift spark post port dock mark trail lane grid cast flow sense beam
`);

// Most companies have no suffix; the rest, most common first.
export const companySuffixes = words(`
Labs Technologies Inc. Systems Software Health Pay AI Group Studio Analytics Logistics Bank Capital
Media Games Energy Robotics Cloud Security Networks Digital Solutions Consulting Bio Mobility
Insurance Learning Foods Travel Homes Finance Data Commerce Ventures Interactive Partners
`);
