//! Which ERN version a message is, from its namespace and `MessageSchemaVersionId`,
//! which real senders write in many ways (`ern/382`, `/ern/341`, `3.8.2`, `2010/ern-main/32`).

use super::model::ErnVersion;

/// How well ddexlint reads a version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Support {
    Full(ErnVersion),
    /// ERN 3.7.x: read with the ERN 3 reader, best effort.
    BestEffort(ErnVersion),
    Unsupported {
        found: String,
        /// The version read, when there is one (`3.4.1`), for the report.
        version: Option<String>,
    },
}

/// Versions read fully, as compact digit strings (namespace form).
const FULL: &[&str] = &["41", "411", "42", "43", "431", "432", "38", "381", "382", "383"];
const BEST_EFFORT: &[&str] = &["37", "371", "37D2"];

/// Detect from the root's local name, its namespace URI and `MessageSchemaVersionId`.
pub fn detect(root_local: &str, namespace: Option<&str>, schema_version_id: Option<&str>) -> Support {
    let found = || {
        let mut parts = vec![format!("root element <{root_local}>")];
        parts.push(match namespace {
            Some(ns) => format!("namespace '{ns}'"),
            None => "no namespace".to_string(),
        });
        if let Some(v) = schema_version_id {
            parts.push(format!("MessageSchemaVersionId '{v}'"));
        }
        parts.join(", ")
    };
    if root_local != "NewReleaseMessage" {
        return Support::Unsupported {
            found: found(),
            version: None,
        };
    }
    let from_ns = namespace.and_then(version_in_namespace);
    let from_id = schema_version_id.and_then(compact_version);
    let compact = match (from_ns, from_id) {
        (Some(ns), _) => ns,
        (None, Some(id)) if namespace.is_none_or(|n| !n.contains("ddex.net")) => id,
        _ => {
            return Support::Unsupported {
                found: found(),
                version: None,
            }
        }
    };
    let version = ErnVersion {
        major: compact.as_bytes()[0] - b'0',
        label: dotted(&compact),
        namespace: namespace.map(str::to_string),
    };
    if FULL.contains(&compact.as_str()) {
        Support::Full(version)
    } else if BEST_EFFORT.iter().any(|v| v.eq_ignore_ascii_case(&compact)) {
        Support::BestEffort(version)
    } else {
        Support::Unsupported {
            found: found(),
            version: Some(version.label),
        }
    }
}

/// `http://ddex.net/xml/ern/43` → `43`; `http://ddex.net/xml/2010/ern-main/32` → `32`.
fn version_in_namespace(ns: &str) -> Option<String> {
    let ns = ns.trim().trim_end_matches('/');
    let tail = ns.rsplit_once("/ern/").or_else(|| ns.rsplit_once("/ern-main/"))?.1;
    valid_compact(tail)
}

/// `ern/382`, `/ern/341`, `3.8.2`, `2010/ern-main/312`, `382` → compact digits.
fn compact_version(id: &str) -> Option<String> {
    let id = id.trim().trim_end_matches('/');
    let tail = id.rsplit('/').next().unwrap_or(id);
    if tail.contains('.') {
        return valid_compact(&tail.replace('.', ""));
    }
    valid_compact(tail)
}

fn valid_compact(s: &str) -> Option<String> {
    let s = s.trim();
    let ok =
        (2..=4).contains(&s.len()) && s.as_bytes()[0].is_ascii_digit() && s.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then(|| s.to_string())
}

/// `382` → `3.8.2`; `37D2` → `3.7D2`.
fn dotted(compact: &str) -> String {
    let mut out = String::new();
    for (i, c) in compact.chars().enumerate() {
        if i > 0 && c.is_ascii_digit() && !out.ends_with(|p: char| p.is_ascii_alphabetic()) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: Support) -> String {
        match s {
            Support::Full(v) => format!("full {}", v.label),
            Support::BestEffort(v) => format!("best {}", v.label),
            Support::Unsupported { found, .. } => format!("no: {found}"),
        }
    }

    #[test]
    fn namespaces_and_schema_ids() {
        assert_eq!(
            label(detect("NewReleaseMessage", Some("http://ddex.net/xml/ern/43"), None)),
            "full 4.3"
        );
        assert_eq!(
            label(detect("NewReleaseMessage", Some("http://ddex.net/xml/ern/411"), None)),
            "full 4.1.1"
        );
        assert_eq!(
            label(detect(
                "NewReleaseMessage",
                Some("http://ddex.net/xml/ern/382"),
                Some("ern/382")
            )),
            "full 3.8.2"
        );
        assert_eq!(label(detect("NewReleaseMessage", None, Some("3.8.2"))), "full 3.8.2");
        assert_eq!(
            label(detect("NewReleaseMessage", None, Some("2010/ern-main/382"))),
            "full 3.8.2"
        );
        assert_eq!(
            label(detect("NewReleaseMessage", Some("http://ddex.net/xml/ern/37D2"), None)),
            "best 3.7D2"
        );
        assert!(matches!(
            detect("NewReleaseMessage", Some("http://ddex.net/xml/ern/341"), None),
            Support::Unsupported { version: Some(v), .. } if v == "3.4.1"
        ));
        assert!(label(detect(
            "NewReleaseMessage",
            Some("http://ddex.net/xml/ern/341"),
            Some("/ern/341")
        ))
        .starts_with("no: "));
        assert!(
            label(detect("PurgeReleaseMessage", Some("http://ddex.net/xml/ern/43"), None))
                .contains("PurgeReleaseMessage")
        );
        assert!(label(detect("NewReleaseMessage", Some("http://example.com/x"), None)).contains("example.com"));
    }
}
