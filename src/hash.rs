//! Hash maps for keys read from feeds (names, references, identifiers, offsets).
//!
//! ahash with a per-process random seed: as fast as FxHash on the short keys the rules use,
//! but a crafted feed cannot line its names up on one bucket and make a check quadratic.
//! Nothing may depend on these maps' iteration order (it changes from run to run): collect
//! and sort, or keep a `Vec` in first-seen order beside the map.

pub type FastMap<K, V> = std::collections::HashMap<K, V, ahash::RandomState>;
pub type FastSet<K> = std::collections::HashSet<K, ahash::RandomState>;
