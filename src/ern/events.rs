//! What the model builder reads: checked XML events and the attributes of the last start
//! tag, straight from the [`XmlReader`] or through the reading pipeline.

use crate::xml::{Attr, Event, XmlError, XmlReader};

pub(super) trait EventSource<'a> {
    fn next(&mut self) -> Result<Option<Event<'a>>, XmlError>;
    /// Attributes of the last `Start` event.
    fn attrs(&self) -> &[Attr<'a>];
    fn attr(&self, local: &str) -> Option<&Attr<'a>> {
        self.attrs().iter().find(|a| a.local_name() == local)
    }
    /// Namespace of the last `Start` event's element (asked for the root only).
    fn element_namespace(&self, qname: &str) -> Option<&str>;
    /// References to DOCTYPE entities left unexpanded (name, offset).
    fn unexpanded_refs(&self) -> &[(String, u32)];
}

impl<'a> EventSource<'a> for XmlReader<'a> {
    #[inline(always)]
    fn next(&mut self) -> Result<Option<Event<'a>>, XmlError> {
        XmlReader::next(self)
    }
    fn attrs(&self) -> &[Attr<'a>] {
        XmlReader::attrs(self)
    }
    fn element_namespace(&self, qname: &str) -> Option<&str> {
        XmlReader::element_namespace(self, qname)
    }
    fn unexpanded_refs(&self) -> &[(String, u32)] {
        &self.unexpanded_refs
    }
}
