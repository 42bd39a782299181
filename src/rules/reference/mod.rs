//! Reference integrity: DDEX puts its IDs and IDREFs in element content, where XML Schema
//! validators (libxml2) do not check them.

pub mod ref_duplicate;
pub mod ref_unresolved;
pub mod ref_unused;

use crate::ern::{Feed, RefKind, Text};

/// Every definition of a reference of `kind`: the `PartyReference`, `ResourceReference` or
/// `ReleaseReference` element of each party, resource or release.
pub(crate) fn definitions<'s, 'a>(feed: &'s Feed<'a>, kind: RefKind) -> Vec<&'s Text<'a>> {
    match kind {
        RefKind::Party => feed.parties.iter().filter_map(|p| p.reference.as_ref()).collect(),
        RefKind::Resource => feed.resources.iter().filter_map(|r| r.reference.as_ref()).collect(),
        RefKind::Release => feed.releases.iter().filter_map(|r| r.reference.as_ref()).collect(),
    }
}
