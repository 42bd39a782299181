//! A memo for values computed from short strings that repeat a lot (language tags): a feed has
//! a handful of distinct tags and hundreds of thousands of texts, so a short linear scan that
//! checks the last hit first beats hashing the tag on every lookup.

use crate::hash::FastMap;

pub(crate) struct StrMemo<V> {
    entries: Vec<(Box<str>, V)>,
    /// Index of `entries` by key once there are too many for a linear scan.
    index: FastMap<Box<str>, usize>,
    last: usize,
}

/// Up to this many distinct keys, lookups scan; beyond it they hash.
const SCAN_LIMIT: usize = 16;

impl<V> Default for StrMemo<V> {
    fn default() -> Self {
        StrMemo {
            entries: Vec::new(),
            index: FastMap::default(),
            last: 0,
        }
    }
}

impl<V> StrMemo<V> {
    /// The value for `key`, computed by `make` the first time.
    pub fn get_or(&mut self, key: &str, make: impl FnOnce(&str) -> V) -> &V {
        let found = match self.entries.get(self.last) {
            Some((k, _)) if **k == *key => Some(self.last),
            _ if self.entries.len() <= SCAN_LIMIT => self.entries.iter().position(|(k, _)| **k == *key),
            _ => self.index.get(key).copied(),
        };
        let i = match found {
            Some(i) => i,
            None => {
                let i = self.entries.len();
                self.entries.push((key.into(), make(key)));
                if self.entries.len() > SCAN_LIMIT {
                    if self.index.is_empty() {
                        self.index = self
                            .entries
                            .iter()
                            .enumerate()
                            .map(|(j, (k, _))| (k.clone(), j))
                            .collect();
                    } else {
                        self.index.insert(key.into(), i);
                    }
                }
                i
            }
        };
        self.last = i;
        &self.entries[i].1
    }
}

/// A per-thread memo of a costly key of a name (a label's or a P line owner's): the files a
/// thread lints repeat a few names, so each is computed once per thread, not once per file.
pub(crate) type NameKeyMemo = std::cell::RefCell<crate::hash::FastMap<String, String>>;

/// `make(name)`, looked up in (and added to) the thread's `memo`; the memo starts over when
/// it holds too many names (a catalogue of mostly distinct names must not grow it forever).
pub(crate) fn memoized_key(
    memo: &'static std::thread::LocalKey<NameKeyMemo>,
    name: &str,
    make: impl FnOnce(&str) -> String,
) -> String {
    const MAX_CACHED: usize = 16_384;
    if let Some(k) = memo.with(|m| m.borrow().get(name).cloned()) {
        return k;
    }
    let k = make(name);
    memo.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= MAX_CACHED {
            m.clear();
        }
        m.insert(name.to_string(), k.clone());
    });
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_each_key_once_past_the_scan_limit() {
        let mut memo = StrMemo::default();
        let mut calls = 0;
        for round in 0..3 {
            for i in 0..40 {
                let key = format!("k{i}");
                let v = *memo.get_or(&key, |k| {
                    calls += 1;
                    k.len()
                });
                assert_eq!(v, key.len(), "round {round}");
            }
        }
        assert_eq!(calls, 40);
    }
}
