//! A strict, streaming XML 1.0 reader over decoded text.
//!
//! quick-xml tokenizes; this layer adds what quick-xml leaves to its caller so that every
//! document libxml2 rejects is rejected here too: one root, nothing after it, names,
//! characters, attribute syntax and uniqueness, namespace prefixes, entity references.
//! No entity declared in a DOCTYPE is ever expanded and nothing external is ever fetched.

pub mod chars;
mod escape;
pub mod xpath;

use std::borrow::Cow;

use quick_xml::events::Event as QEvent;
use quick_xml::Reader;

use crate::finding::Span;
use chars::{
    attr_value_needs_checks, first_invalid_char, is_name, is_xml_char, is_xml_space, scan_ascii_name, scan_tag_name,
    text_needs_checks, TagName, HIGH_BITS,
};
pub use escape::{escape_attr, escape_text};

/// Why the document is not well-formed, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlError {
    pub offset: u32,
    pub message: String,
}

impl XmlError {
    fn new(offset: usize, message: impl Into<String>) -> Self {
        XmlError {
            offset: offset as u32,
            message: message.into(),
        }
    }
}

/// One attribute of the current start tag.
#[derive(Clone, Debug)]
pub struct Attr<'a> {
    /// Qualified name as written.
    pub name: &'a str,
    /// Value with references resolved.
    pub value: Cow<'a, str>,
    /// Raw value, between the quotes.
    pub value_span: Span,
}

impl Attr<'_> {
    pub fn local_name(&self) -> &str {
        local_name(self.name)
    }
}

/// Text content between markup: references resolved, CDATA included.
#[derive(Clone, Debug)]
pub struct TextNode<'a> {
    pub value: Cow<'a, str>,
    /// The raw source range of this run of text.
    pub span: Span,
    /// Whether the run holds only XML whitespace.
    pub is_whitespace: bool,
    /// Whether the raw text differs from the value (references or CDATA).
    pub escaped: bool,
}

#[derive(Clone, Debug)]
pub enum Event<'a> {
    /// A start tag (also for `<a/>`, which is followed by an `End`). Attributes: [`XmlReader::attrs`].
    Start {
        /// Qualified name as written.
        name: &'a str,
        /// The name without its prefix (the reader knows whether there is one).
        local: &'a str,
        span: Span,
    },
    End {
        span: Span,
    },
    /// Text, except white space that is only indentation: white space right after an end
    /// tag or right before a start tag (it can be neither an element's whole content nor
    /// part of a leaf's, so no reader of the model sees it; most runs of text are such).
    Text(TextNode<'a>),
    /// A DOCTYPE: reported, never processed beyond collecting entity names.
    Doctype {
        span: Span,
        entities: Vec<String>,
    },
}

pub fn local_name(qname: &str) -> &str {
    match colon_position(qname) {
        Some(i) => &qname[i + 1..],
        None => qname,
    }
}

fn prefix(qname: &str) -> Option<&str> {
    colon_position(qname).map(|i| &qname[..i])
}

/// Where the first ':' of a name is. Eight bytes at a time: called for every element, with
/// names too short for memchr's setup to pay off and long enough for a byte loop to cost.
#[inline]
fn colon_position(name: &str) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const COLONS: u64 = u64::from_le_bytes([b':'; 8]);
    let mut words = name.as_bytes().chunks_exact(8);
    let mut offset = 0;
    for word in &mut words {
        // Bytes equal to ':' become zero; the lowest flagged byte is the first zero byte.
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes")) ^ COLONS;
        let zero_bytes = x.wrapping_sub(ONES) & !x & HIGH_BITS;
        if zero_bytes != 0 {
            return Some(offset + zero_bytes.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    words.remainder().iter().position(|&b| b == b':').map(|i| offset + i)
}

/// Streaming reader. Call [`XmlReader::next`] until it returns `Ok(None)`.
///
/// Tokenizing has two modes. The fast one reads start and end tags, text and references
/// itself and hands only the rare `<!…>` and `<?…?>` constructs to quick-xml, one at a time.
/// It accepts only what quick-xml accepts, with the same events and offsets; at anything
/// it does not accept it gives up: the reader starts again in the slow mode (quick-xml for
/// every token) and replays the events already returned, so that errors, their messages and
/// offsets are quick-xml's, exactly as if the slow mode had been used from the start.
pub struct XmlReader<'a> {
    text: &'a str,
    /// The tokenizer of the slow mode; `None` in the fast mode.
    reader: Option<Reader<&'a [u8]>>,
    /// Fast mode: where the next token starts.
    pos: usize,
    /// Calls of [`XmlReader::next`] so far. In the fast mode each returned an event but the
    /// last one when it fails: the events to replay when falling back to the slow mode
    /// (counted without looking at the result, which would cost a copy of it per event).
    calls: usize,
    /// Fast mode: start of a start tag, end tag or end (at `pos`) already read after a text.
    peeked: Option<usize>,
    /// Fast mode: the last start tag read that holds only its name (`<a>`, `<a/>`): where it
    /// starts, and its name as scanned while looking for its end.
    bare_tag: Option<(usize, TagName)>,
    /// Open elements: qualified name and the number of namespace declarations it pushed.
    stack: Vec<(&'a str, u32)>,
    /// Namespace prefixes in scope (prefix, uri).
    ns: Vec<(&'a str, Cow<'a, str>)>,
    attrs: Vec<Attr<'a>>,
    pending: Option<(Tok<'a>, usize, usize)>,
    pending_end: Option<Span>,
    seen_root: bool,
    root_closed: bool,
    /// Entity names declared in a DOCTYPE: their references stay unexpanded.
    declared_entities: Vec<String>,
    /// References to declared entities met so far (name, offset).
    pub unexpanded_refs: Vec<(String, u32)>,
    done: bool,
    /// Whether the last event was an `End` (white space after it is indentation).
    after_end: bool,
}

/// A token: what quick-xml would have returned. Its source range is kept alongside; what
/// quick-xml read only for processing instructions and the XML declaration.
#[derive(Debug)]
enum Tok<'a> {
    Start,
    Empty,
    End,
    Text,
    /// Fast mode: text of spaces, tabs and line feeds only, up to a '<' (the indentation
    /// between tags): a `Text` that needs no checks.
    Space,
    /// `&name;`
    Ref,
    CData,
    Comment,
    Doctype,
    Eof,
    /// A processing instruction or the XML declaration, as quick-xml read it. Boxed: such
    /// tokens are rare, and every token is moved several times on its way to an event.
    Q(Box<QEvent<'a>>),
}

impl<'a> From<QEvent<'a>> for Tok<'a> {
    fn from(ev: QEvent<'a>) -> Self {
        match ev {
            QEvent::Start(_) => Tok::Start,
            QEvent::Empty(_) => Tok::Empty,
            QEvent::End(_) => Tok::End,
            QEvent::Text(_) => Tok::Text,
            QEvent::GeneralRef(_) => Tok::Ref,
            QEvent::CData(_) => Tok::CData,
            QEvent::Comment(_) => Tok::Comment,
            QEvent::DocType(_) => Tok::Doctype,
            QEvent::Eof => Tok::Eof,
            other => Tok::Q(Box::new(other)),
        }
    }
}

fn quick_xml_reader(text: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.check_comments = true;
    config.expand_empty_elements = false;
    config.trim_text(false);
    reader
}

/// Why the fast mode gave up (never shown: the slow mode finds the real error).
fn give_up() -> XmlError {
    XmlError::new(0, "fast tokenizer gave up")
}

impl<'a> XmlReader<'a> {
    pub fn new(text: &'a str) -> Self {
        // quick-xml skips a leading byte order mark without counting it in its offsets:
        // leave such text to it.
        let slow = text.starts_with('\u{FEFF}');
        Self::with_mode(text, slow)
    }

    /// A reader that tokenizes with quick-xml only (for tests comparing the two modes).
    pub fn new_slow(text: &'a str) -> Self {
        Self::with_mode(text, true)
    }

    fn with_mode(text: &'a str, slow: bool) -> Self {
        XmlReader {
            text,
            reader: slow.then(|| quick_xml_reader(text)),
            pos: 0,
            calls: 0,
            peeked: None,
            bare_tag: None,
            stack: Vec::new(),
            ns: Vec::new(),
            attrs: Vec::new(),
            pending: None,
            pending_end: None,
            seen_root: false,
            root_closed: false,
            declared_entities: Vec::new(),
            unexpanded_refs: Vec::new(),
            done: false,
            after_end: false,
        }
    }

    /// The attributes of the last `Start` event.
    pub fn attrs(&self) -> &[Attr<'a>] {
        &self.attrs
    }

    pub fn attr(&self, local: &str) -> Option<&Attr<'a>> {
        self.attrs.iter().find(|a| a.local_name() == local)
    }

    /// Namespace URI bound to a prefix (`None` = the default namespace).
    pub fn namespace_of(&self, prefix: Option<&str>) -> Option<&str> {
        let p = prefix.unwrap_or("");
        self.ns
            .iter()
            .rev()
            .find(|(q, _)| *q == p)
            .map(|(_, u)| u.as_ref())
            .filter(|u| !u.is_empty())
    }

    /// Namespace of a qualified element name, in the current scope.
    pub fn element_namespace(&self, qname: &str) -> Option<&str> {
        self.namespace_of(prefix(qname))
    }

    /// Nesting depth of the current position (the root's content is depth 1).
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    fn offset_of(&self, s: &str) -> usize {
        s.as_ptr() as usize - self.text.as_ptr() as usize
    }

    #[inline]
    fn raw_event(&mut self) -> Result<(Tok<'a>, usize, usize), XmlError> {
        if let Some(p) = self.pending.take() {
            return Ok(p);
        }
        let Some(reader) = self.reader.as_mut() else {
            return self.fast_token();
        };
        let start = reader.buffer_position() as usize;
        match reader.read_event() {
            Ok(ev) => Ok((ev.into(), start, reader.buffer_position() as usize)),
            Err(e) => Err(XmlError::new(
                reader.error_position() as usize,
                describe_quick_xml_error(&e),
            )),
        }
    }

    /// The next token in the fast mode, as quick-xml would read it; an error where quick-xml
    /// might report one (or might not: the slow mode decides).
    #[inline(always)]
    fn fast_token(&mut self) -> Result<(Tok<'a>, usize, usize), XmlError> {
        let bytes = self.text.as_bytes();
        if let Some(start) = self.peeked.take() {
            // A tag or the end, already read up to `pos`.
            let end = self.pos;
            let tok = if start == end {
                Tok::Eof
            } else if bytes[start + 1] == b'/' {
                Tok::End
            } else if bytes[end - 2] == b'/' {
                Tok::Empty
            } else {
                Tok::Start
            };
            return Ok((tok, start, end));
        }
        let start = self.pos;
        let Some(&first) = bytes.get(start) else {
            return Ok((Tok::Eof, start, start));
        };
        let (tok, end) = match first {
            b'<' => match bytes.get(start + 1) {
                None => return Err(give_up()),
                Some(b'/') => {
                    // Accepted only when it closes the open element: then there is no quote
                    // before the '>' and quick-xml's quote-aware search ends at the same '>'.
                    let Some(gt) = memchr::memchr(b'>', &bytes[start + 2..]) else {
                        return Err(give_up());
                    };
                    let content = &bytes[start + 2..start + 2 + gt];
                    let trimmed = content.len() - content.iter().rev().take_while(|&&b| is_xml_space(b)).count();
                    match self.stack.last() {
                        Some((open, _)) if open.as_bytes() == &content[..trimmed] => {}
                        _ => return Err(give_up()),
                    }
                    (Tok::End, start + 2 + gt + 1)
                }
                Some(b'!' | b'?') => {
                    // Comments, CDATA, DOCTYPE, processing instructions: one token by quick-xml.
                    let mut reader = quick_xml_reader(&self.text[start..]);
                    let ev = reader.read_event().map_err(|_| give_up())?;
                    (Tok::from(ev), start + reader.buffer_position() as usize)
                }
                Some(_) => {
                    // Most tags are only a name: then the name's scan finds the '>' too (no
                    // name byte is a '>' or a quote), and `start_tag` need not scan again.
                    let name = scan_ascii_name(&bytes[start + 1..]);
                    let after = start + 1 + name.len;
                    let bare = match bytes.get(after) {
                        Some(b'>') => Some((Tok::Start, after + 1)),
                        Some(b'/') if bytes.get(after + 1) == Some(&b'>') => Some((Tok::Empty, after + 2)),
                        _ => None,
                    };
                    if let (Some((tok, end)), true) = (bare, name.len > 0) {
                        self.bare_tag = Some((start, name));
                        self.pos = end;
                        return Ok((tok, start, end));
                    }
                    // quick-xml's search for the end of a tag: the first '>' outside quotes
                    // (none among the name's bytes).
                    let mut quote = 0u8;
                    let mut gt = None;
                    for i in memchr::memchr3_iter(b'>', b'\'', b'"', &bytes[after..]) {
                        let b = bytes[after + i];
                        if quote == 0 {
                            if b == b'>' {
                                gt = Some(after + i);
                                break;
                            }
                            quote = b;
                        } else if b == quote {
                            quote = 0;
                        }
                    }
                    let Some(gt) = gt else { return Err(give_up()) };
                    let tok = if bytes[gt - 1] == b'/' && gt - 1 > start {
                        Tok::Empty
                    } else {
                        Tok::Start
                    };
                    (tok, gt + 1)
                }
            },
            b'&' => match memchr::memchr3(b';', b'&', b'<', &bytes[start + 1..]) {
                Some(i) if bytes[start + 1 + i] == b';' => (Tok::Ref, start + 1 + i + 1),
                _ => return Err(give_up()),
            },
            _ => {
                // Most runs of text are indentation: found with a short loop, without memchr.
                // (A CR is left to the checks: end-of-line handling changes it.)
                let spaces = bytes[start..]
                    .iter()
                    .take_while(|&&b| matches!(b, b' ' | b'\t' | b'\n'))
                    .count();
                let after = start + spaces;
                if bytes.get(after) == Some(&b'<') {
                    (Tok::Space, after)
                } else {
                    let end = memchr::memchr2(b'<', b'&', &bytes[after..]).map_or(bytes.len(), |i| after + i);
                    (Tok::Text, end)
                }
            }
        };
        self.pos = end;
        Ok((tok, start, end))
    }

    /// Leave the fast mode: start again in the slow mode and skip the events already returned.
    #[cold]
    #[inline(never)]
    fn fall_back(&mut self) {
        let emitted = self.calls - 1;
        *self = XmlReader::new_slow(self.text);
        for _ in 0..emitted {
            let replayed = self.next_event();
            debug_assert!(matches!(replayed, Ok(Some(_))), "the slow mode disagrees: {replayed:?}");
        }
    }

    /// The next event; `Ok(None)` at the end. Not an `Iterator`: the first error ends reading
    /// and must not be mistaken for the end of the document.
    #[allow(clippy::should_implement_trait)]
    #[inline(always)] // the caller's loop: the event stays in registers
    pub fn next(&mut self) -> Result<Option<Event<'a>>, XmlError> {
        self.calls += 1;
        let result = self.next_event();
        if result.is_err() && self.reader.is_none() {
            self.fall_back();
            return self.next_event();
        }
        result
    }

    #[inline(always)]
    fn next_event(&mut self) -> Result<Option<Event<'a>>, XmlError> {
        if let Some(span) = self.pending_end.take() {
            self.close_element();
            self.after_end = true;
            return Ok(Some(Event::End { span }));
        }
        if self.done {
            return Ok(None);
        }
        loop {
            // Fast mode never leaves a token pending (`text_run` looks before it reads).
            let (ev, start, end) = if self.reader.is_none() && self.pending.is_none() {
                self.fast_token()?
            } else {
                self.raw_event()?
            };
            match ev {
                Tok::Start | Tok::Empty => {
                    let is_empty = matches!(ev, Tok::Empty);
                    // Positions are exact for a slice reader: the tag is text[start..end].
                    let raw = &self.text[start + 1..end - 1];
                    self.after_end = false;
                    return self.start_tag(raw, start, end, is_empty).map(Some);
                }
                Tok::End => {
                    if self.stack.is_empty() {
                        return Err(XmlError::new(start, "end tag without a matching start tag"));
                    }
                    self.close_element();
                    self.after_end = true;
                    return Ok(Some(Event::End {
                        span: Span::new(start as u32, end as u32),
                    }));
                }
                Tok::Text | Tok::Space | Tok::Ref | Tok::CData => {
                    let text = self.text_run((ev, start, end))?;
                    if text.is_whitespace && (self.after_end || self.start_tag_follows()) {
                        continue; // indentation
                    }
                    self.after_end = false;
                    return Ok(Some(Event::Text(text)));
                }
                Tok::Comment => {}
                Tok::Doctype => {
                    if self.seen_root {
                        return Err(XmlError::new(
                            start,
                            "a DOCTYPE may not appear inside or after the root element",
                        ));
                    }
                    self.after_end = false;
                    let entities = declared_entity_names(&self.text[start..end]);
                    self.declared_entities.extend(entities.iter().cloned());
                    return Ok(Some(Event::Doctype {
                        span: Span::new(start as u32, end as u32),
                        entities,
                    }));
                }
                Tok::Q(q) => match *q {
                    QEvent::PI(pi) => {
                        let target = pi.target();
                        if target.eq_ignore_ascii_case("xml") {
                            return Err(XmlError::new(
                                start,
                                "an XML declaration may appear only at the very start of the document",
                            ));
                        }
                        if !is_name(target) {
                            return Err(XmlError::new(
                                start,
                                format!("invalid processing instruction target '{target}'"),
                            ));
                        }
                    }
                    QEvent::Decl(decl) => {
                        if start != 0 {
                            return Err(XmlError::new(
                                start,
                                "an XML declaration may appear only at the very start of the document",
                            ));
                        }
                        match decl.version() {
                            Ok(v) if v.as_ref() == "1.0" || v.as_ref() == "1.1" => {}
                            Ok(v) => return Err(XmlError::new(start, format!("unsupported XML version '{}'", v))),
                            Err(e) => return Err(XmlError::new(start, describe_quick_xml_error(&e))),
                        }
                    }
                    // Never made: `Tok::from` gives the others their own tokens.
                    _ => {}
                },
                Tok::Eof => {
                    self.done = true;
                    if let Some((name, _)) = self.stack.last() {
                        return Err(XmlError::new(
                            self.text.len(),
                            format!("the document ends before element <{name}> is closed"),
                        ));
                    }
                    if !self.seen_root {
                        return Err(XmlError::new(self.text.len(), "the document has no root element"));
                    }
                    return Ok(None);
                }
            }
        }
    }

    /// Whether the token after the run of text just read is a start tag.
    fn start_tag_follows(&self) -> bool {
        if let Some((tok, _, _)) = &self.pending {
            return matches!(tok, Tok::Start | Tok::Empty);
        }
        // Fast mode: the tag after the run is peeked, read up to `pos` (nothing: the end).
        self.peeked
            .is_some_and(|start| start < self.pos && self.text.as_bytes()[start + 1] != b'/')
    }

    fn close_element(&mut self) {
        if let Some((_, pushed)) = self.stack.pop() {
            self.ns.truncate(self.ns.len() - pushed as usize);
        }
        if self.stack.is_empty() {
            self.root_closed = true;
        }
    }

    fn start_tag(&mut self, raw: &'a str, start: usize, end: usize, is_empty: bool) -> Result<Event<'a>, XmlError> {
        if self.root_closed {
            return Err(XmlError::new(
                start,
                "content after the root element: a document has exactly one root",
            ));
        }
        self.seen_root = true;
        // For `<a/>` the content ends with '/'.
        let raw = if is_empty { &raw[..raw.len() - 1] } else { raw };
        let scanned = match self.bare_tag.take() {
            Some((at, name)) if at == start => name,
            _ => scan_tag_name(raw),
        };
        let name_len = scanned.len;
        let name = &raw[..name_len];
        if !scanned.ascii_name && !is_name(name) {
            return Err(XmlError::new(
                start,
                format!("invalid element name '{}'", truncate(name)),
            ));
        }
        self.attrs.clear();
        if name_len == raw.len() {
            // No attributes (most elements of a feed): only the element's own prefix to check.
            self.stack.push((name, 0));
            if scanned.has_colon {
                self.check_prefix(name, start)?;
            }
            return Ok(self.start_event(name, scanned.has_colon, start, end, is_empty));
        }
        let base = self.offset_of(raw);
        parse_attributes(
            raw,
            name_len,
            base,
            &self.declared_entities,
            &mut self.attrs,
            &mut self.unexpanded_refs,
        )?;
        // Namespace declarations first, then prefix checks for the element and its attributes.
        let mut pushed = 0;
        for a in &self.attrs {
            if a.name == "xmlns" {
                self.ns.push(("", a.value.clone()));
                pushed += 1;
            } else if let Some(p) = a.name.strip_prefix("xmlns:") {
                if a.value.is_empty() {
                    return Err(XmlError::new(
                        a.value_span.start as usize,
                        format!("namespace prefix '{p}' bound to an empty URI"),
                    ));
                }
                self.ns.push((p, a.value.clone()));
                pushed += 1;
            }
        }
        self.stack.push((name, pushed));
        self.check_prefix(name, start)?;
        for a in &self.attrs {
            self.check_prefix(a.name, start)?;
        }
        self.check_expanded_attribute_names(start)?;
        Ok(self.start_event(name, scanned.has_colon, start, end, is_empty))
    }

    /// The start event of a checked tag (an empty-element tag also queues its end).
    fn start_event(&mut self, name: &'a str, has_colon: bool, start: usize, end: usize, is_empty: bool) -> Event<'a> {
        if is_empty {
            self.pending_end = Some(Span::new(end as u32, end as u32));
        }
        Event::Start {
            name,
            // Most names have no prefix: no search for the colon.
            local: if has_colon { local_name(name) } else { name },
            span: Span::new(start as u32, end as u32),
        }
    }

    /// A prefixed element or attribute name needs its prefix declared (`xml` and `xmlns` are
    /// predeclared).
    fn check_prefix(&self, qname: &str, at: usize) -> Result<(), XmlError> {
        match prefix(qname) {
            None | Some("xml") | Some("xmlns") => Ok(()),
            Some(p) if self.ns.iter().any(|(q, _)| *q == p) => Ok(()),
            Some(p) => Err(XmlError::new(
                at,
                format!("namespace prefix '{p}' of '{qname}' is not declared"),
            )),
        }
    }

    /// Namespaces in XML §6.3: no two attributes may have the same namespace and local name
    /// (`p:x` and `q:x` with `p` and `q` bound to one URI).
    fn check_expanded_attribute_names(&self, tag_start: usize) -> Result<(), XmlError> {
        let prefixed = || {
            self.attrs.iter().filter_map(|a| {
                let (p, local) = a.name.split_once(':')?;
                (p != "xmlns").then(|| (self.namespace_of(Some(p)).unwrap_or(p), local, a.name))
            })
        };
        if prefixed().nth(1).is_none() {
            return Ok(()); // fewer than two: nothing to compare
        }
        for (i, (uri, local, name)) in prefixed().enumerate() {
            if let Some((_, _, other)) = prefixed().take(i).find(|(u, l, _)| *u == uri && *l == local) {
                return Err(XmlError::new(
                    tag_start,
                    format!("attributes '{other}' and '{name}' have the same namespace and local name"),
                ));
            }
        }
        Ok(())
    }

    /// Merge consecutive text, CDATA and reference events into one run.
    #[inline(always)]
    fn text_run(&mut self, first: (Tok<'a>, usize, usize)) -> Result<TextNode<'a>, XmlError> {
        let mut value: Cow<'a, str> = Cow::Borrowed("");
        let mut span: Option<Span> = None;
        let mut escaped = false;
        let mut markup = false; // a reference or CDATA: never "just white space"
        let mut only_spaces = true; // every piece a `Tok::Space`: white space, known unchecked
        let mut first = Some(first);
        loop {
            let (ev, start, end) = match first.take() {
                Some(t) => t,
                None => {
                    if self.reader.is_none() {
                        // Fast mode: look before tokenizing, so that the token after the run
                        // need not be kept for later. Only CDATA continues a run among markup.
                        let rest = &self.text.as_bytes()[self.pos..];
                        if rest.is_empty() || (rest[0] == b'<' && !rest.starts_with(b"<![CDATA[")) {
                            // The slow mode reads the next token before it returns the text,
                            // so an error there comes first: read it too, and keep it.
                            let (tok, start, _) = self.fast_token()?;
                            if matches!(tok, Tok::Start | Tok::Empty | Tok::End | Tok::Eof) {
                                self.peeked = Some(start);
                            } else {
                                self.pos = start; // rare (`<!…>`, `<?…?>`): read again
                            }
                            break;
                        }
                        self.fast_token()?
                    } else {
                        self.raw_event()?
                    }
                }
            };
            if !matches!(ev, Tok::Space) {
                only_spaces = false;
            }
            match ev {
                Tok::Space => append(&mut value, Cow::Borrowed(&self.text[start..end])),
                Tok::Text => {
                    let raw_str: &'a str = &self.text[start..end];
                    if !text_needs_checks(raw_str) {
                        append(&mut value, Cow::Borrowed(raw_str));
                    } else if let Some((i, c)) = first_invalid_char(raw_str) {
                        return Err(XmlError::new(
                            start + i,
                            format!("character U+{:04X} is not allowed in XML 1.0", c as u32),
                        ));
                    } else if let Some(i) = memchr::memmem::find(raw_str.as_bytes(), b"]]>") {
                        return Err(XmlError::new(start + i, "the sequence ']]>' is not allowed in text"));
                    } else {
                        let content = if raw_str.contains('\r') {
                            Cow::Owned(normalize_newlines(raw_str))
                        } else {
                            Cow::Borrowed(raw_str)
                        };
                        if matches!(content, Cow::Owned(_)) {
                            escaped = true;
                        }
                        append(&mut value, content);
                    }
                }
                Tok::CData => {
                    escaped = true;
                    markup = true;
                    let inner = &self.text[start + 9..end - 3];
                    if let Some((i, ch)) = first_invalid_char(inner) {
                        return Err(XmlError::new(
                            start + 9 + i,
                            format!("character U+{:04X} is not allowed in XML 1.0", ch as u32),
                        ));
                    }
                    append(&mut value, Cow::Owned(normalize_newlines(inner)));
                }
                Tok::Ref => {
                    escaped = true;
                    markup = true;
                    let name = &self.text[start + 1..end - 1];
                    let resolved = resolve_reference(name, start, &self.declared_entities, &mut self.unexpanded_refs)?;
                    append(&mut value, Cow::Owned(resolved));
                }
                other => {
                    self.pending = Some((other, start, end));
                    break;
                }
            }
            span = Some(match span {
                None => Span::new(start as u32, end as u32),
                Some(s) => Span::new(s.start, end as u32),
            });
        }
        let span = span.unwrap_or_default(); // never empty: it starts with `first`
        let is_whitespace = only_spaces || (!markup && value.bytes().all(is_xml_space));
        if self.stack.is_empty() && !is_whitespace {
            let what = if self.root_closed {
                "text after the root element"
            } else {
                "text before the root element"
            };
            return Err(XmlError::new(span.start as usize, what));
        }
        Ok(TextNode {
            value,
            span,
            is_whitespace,
            escaped,
        })
    }
}

#[inline(always)]
fn append<'a>(acc: &mut Cow<'a, str>, piece: Cow<'a, str>) {
    if acc.is_empty() {
        *acc = piece;
    } else {
        acc.to_mut().push_str(&piece);
    }
}

/// XML end-of-line handling: CRLF and lone CR become LF.
fn normalize_newlines(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 40 {
        s.chars().take(40).collect::<String>() + "…"
    } else {
        s.to_string()
    }
}

/// Resolve `&name;` (without `&` and `;`).
fn resolve_reference(
    name: &str,
    at: usize,
    declared: &[String],
    unexpanded: &mut Vec<(String, u32)>,
) -> Result<String, XmlError> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix('x') {
            u32::from_str_radix(hex, 16)
                .ok()
                .filter(|_| !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        } else {
            num.parse::<u32>()
                .ok()
                .filter(|_| num.bytes().all(|b| b.is_ascii_digit()))
        };
        return match code.and_then(char::from_u32) {
            Some(c) if is_xml_char(c) => Ok(c.to_string()),
            _ => Err(XmlError::new(
                at,
                format!("character reference '&{name};' is not a character allowed in XML 1.0"),
            )),
        };
    }
    match name {
        "lt" => Ok("<".into()),
        "gt" => Ok(">".into()),
        "amp" => Ok("&".into()),
        "apos" => Ok("'".into()),
        "quot" => Ok("\"".into()),
        _ if declared.iter().any(|d| d == name) => {
            unexpanded.push((name.to_string(), at as u32));
            Ok(format!("&{name};"))
        }
        _ if !is_name(name) => Err(XmlError::new(
            at,
            format!(
                "'&{}' does not start a valid reference; write & as &amp;",
                truncate(name)
            ),
        )),
        _ => Err(XmlError::new(
            at,
            match html_entity(name) {
                Some(c) => format!(
                    "undefined entity '&{name};': HTML entities are not XML; write '{c}' itself (or &#{};)",
                    c as u32
                ),
                None => format!("undefined entity '&{name};' (only &lt; &gt; &amp; &apos; &quot; are predefined)"),
            },
        )),
    }
}

/// HTML entities that turn up in feeds exported from web tools, for a precise message.
fn html_entity(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" => '\u{A0}',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "iacute" => 'í',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "aring" => 'å',
        "oslash" => 'ø',
        "aelig" => 'æ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        _ => return None,
    })
}

/// Parse the attributes of a start tag's raw content (`name attr="v" …`, without `<` `>`).
fn parse_attributes<'a>(
    raw: &'a str,
    mut i: usize,
    base: usize,
    declared: &[String],
    out: &mut Vec<Attr<'a>>,
    unexpanded: &mut Vec<(String, u32)>,
) -> Result<(), XmlError> {
    let bytes = raw.as_bytes();
    let tag_start = base - 1; // the '<'
    let end = bytes.len();
    loop {
        let ws_start = i;
        while i < end && is_xml_space(bytes[i]) {
            i += 1;
        }
        if i >= end {
            return Ok(());
        }
        if i == ws_start {
            return Err(XmlError::new(base + i, "attributes must be separated by white space"));
        }
        let name_start = i;
        while i < end && !is_xml_space(bytes[i]) && bytes[i] != b'=' {
            i += 1;
        }
        let name = &raw[name_start..i];
        if !is_name(name) {
            return Err(XmlError::new(
                base + name_start,
                format!("invalid attribute name '{}'", truncate(name)),
            ));
        }
        while i < end && is_xml_space(bytes[i]) {
            i += 1;
        }
        if i >= end || bytes[i] != b'=' {
            return Err(XmlError::new(
                base + name_start,
                format!("attribute '{name}' has no value"),
            ));
        }
        i += 1;
        while i < end && is_xml_space(bytes[i]) {
            i += 1;
        }
        if i >= end || !matches!(bytes[i], b'"' | b'\'') {
            return Err(XmlError::new(
                base + i.min(end),
                format!("the value of attribute '{name}' must be quoted"),
            ));
        }
        let quote = bytes[i];
        let v_start = i + 1;
        let Some(len) = memchr::memchr(quote, &bytes[v_start..end]) else {
            return Err(XmlError::new(
                base + v_start,
                format!("the value of attribute '{name}' is not closed"),
            ));
        };
        let v_end = v_start + len;
        i = v_end + 1;
        let raw_value = &raw[v_start..v_end];
        let plain = !attr_value_needs_checks(raw_value);
        if plain {
            // Nothing to reject, resolve or normalize.
        } else if let Some(p) = raw_value.find('<') {
            return Err(XmlError::new(
                base + v_start + p,
                format!("'<' is not allowed in the value of attribute '{name}'"),
            ));
        } else if let Some((p, c)) = first_invalid_char(raw_value) {
            return Err(XmlError::new(
                base + v_start + p,
                format!("character U+{:04X} is not allowed in XML 1.0", c as u32),
            ));
        }
        if out.iter().any(|a| a.name == name) {
            return Err(XmlError::new(tag_start, format!("duplicate attribute '{name}'")));
        }
        let value = if plain {
            Cow::Borrowed(raw_value)
        } else {
            attribute_value(raw_value, base + v_start, declared, unexpanded)?
        };
        out.push(Attr {
            name,
            value,
            value_span: Span::new((base + v_start) as u32, (base + v_end) as u32),
        });
    }
}

/// Attribute-value normalization (XML 1.0 §3.3.3, CDATA type): references resolved,
/// literal white space characters become spaces.
fn attribute_value<'a>(
    raw: &'a str,
    at: usize,
    declared: &[String],
    unexpanded: &mut Vec<(String, u32)>,
) -> Result<Cow<'a, str>, XmlError> {
    if !raw.bytes().any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r')) {
        return Ok(Cow::Borrowed(raw));
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    let mut pos = 0;
    while let Some(c) = rest.chars().next() {
        match c {
            '&' => {
                let Some(semi) = rest.find(';') else {
                    return Err(XmlError::new(
                        at + pos,
                        "'&' in an attribute value must start a reference; write it as &amp;",
                    ));
                };
                let name = &rest[1..semi];
                out.push_str(&resolve_reference(name, at + pos, declared, unexpanded)?);
                rest = &rest[semi + 1..];
                pos += semi + 1;
                continue;
            }
            '\r' if rest.as_bytes().get(1) == Some(&b'\n') => {
                out.push(' ');
                rest = &rest[2..];
                pos += 2;
                continue;
            }
            '\t' | '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
        pos += c.len_utf8();
    }
    Ok(Cow::Owned(out))
}

/// Names declared with `<!ENTITY name …>` (general entities) in a DOCTYPE's internal subset.
fn declared_entity_names(doctype: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = doctype;
    while let Some(p) = rest.find("<!ENTITY") {
        rest = &rest[p + 8..];
        let t = rest.trim_start();
        if t.starts_with('%') {
            continue; // parameter entity
        }
        let name: String = t.chars().take_while(|c| !c.is_whitespace()).collect();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

fn describe_quick_xml_error(e: &quick_xml::Error) -> String {
    use quick_xml::errors::{IllFormedError, SyntaxError};
    match e {
        quick_xml::Error::Syntax(s) => match s {
            SyntaxError::UnclosedTag => "a tag is not closed with '>'".into(),
            SyntaxError::UnclosedComment => "a comment is not closed with '-->'".into(),
            SyntaxError::UnclosedCData => "a CDATA section is not closed with ']]>'".into(),
            SyntaxError::UnclosedDoctype => "the DOCTYPE is not closed".into(),
            SyntaxError::UnclosedPI | SyntaxError::UnclosedXmlDecl => {
                "a processing instruction is not closed with '?>'".into()
            }
            other => format!("syntax error: {other}"),
        },
        quick_xml::Error::IllFormed(i) => match i {
            IllFormedError::MismatchedEndTag { expected, found } => {
                format!("end tag </{found}> does not match the open element <{expected}>")
            }
            IllFormedError::UnmatchedEndTag(n) => format!("end tag </{n}> has no matching start tag"),
            IllFormedError::DoubleHyphenInComment => "'--' is not allowed inside a comment".into(),
            IllFormedError::UnclosedReference => "'&' must start a reference ending in ';'; write & as &amp;".into(),
            other => other.to_string(),
        },
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every event, the error that ends reading, and the reader's final state.
    fn transcript(mut reader: XmlReader) -> String {
        let mut out = String::new();
        loop {
            let r = reader.next();
            out.push_str(&format!("{r:?}\n"));
            if let Ok(Some(Event::Start { .. })) = &r {
                out.push_str(&format!("  {:?} {:?}\n", reader.attrs(), reader.ns));
            }
            if !matches!(r, Ok(Some(_))) {
                break;
            }
        }
        out.push_str(&format!("{:?}", reader.unexpanded_refs));
        out
    }

    fn assert_modes_agree(doc: &str) {
        let fast = transcript(XmlReader::new(doc));
        let slow = transcript(XmlReader::new_slow(doc));
        assert_eq!(fast, slow, "fast and slow modes differ on {doc:?}");
    }

    #[test]
    fn colon_position_agrees_with_a_byte_search() {
        let mut names = vec![String::new(), "é:x".to_string(), "ern:NewReleaseMessage".to_string()];
        for len in 1..20 {
            let base: String = "abcdefghijklmnopqrstu".chars().take(len).collect();
            names.push(base.clone());
            for at in 0..len {
                let mut name = base.clone();
                name.replace_range(at..at + 1, ":");
                names.push(name.clone());
                name.push(':'); // a second colon after the first
                names.push(name);
            }
        }
        for name in &names {
            assert_eq!(colon_position(name), name.find(':'), "{name:?}");
        }
    }

    #[test]
    fn fast_mode_reads_exactly_like_quick_xml() {
        let base = include_str!("../../tests/fixtures/base-ern43.xml");
        let base3 = include_str!("../../tests/fixtures/base-ern382.xml");
        for doc in [base, base3] {
            assert_modes_agree(doc);
            // Every truncation.
            for cut in (0..doc.len()).filter(|&c| doc.is_char_boundary(c)).step_by(3) {
                assert_modes_agree(&doc[..cut]);
            }
        }
        // Odd things spliced in at many places.
        let splices = [
            "<",
            ">",
            "&",
            "&amp;",
            "&#x41;",
            "&foo;",
            "&lt",
            "'",
            "\"",
            "/",
            "</x>",
            "<!-- c -->",
            "<!-- a -- b -->",
            "<![CDATA[x]]>",
            "<![CDATA[x",
            "]]>",
            "<?pi x?>",
            "<?xml version='1.0'?>",
            "<!DOCTYPE d [<!ENTITY e 'x'>]>",
            "&e;",
            "\r\n",
            "\r",
            "\u{1}",
            "\u{FFFE}",
            "\u{FEFF}",
            "<a b='>'/>",
            "<a b=\">\">",
            "</ a>",
            "<x></x >",
            "<p:x/>",
            "<a xmlns:p='u' p:b='1'/>",
            "<a b='1' b='2'/>",
            "<a/ >",
            "< a>",
            "<>",
            "</>",
            "<a\tb='1'/>",
            "é",
            "<é/>",
            "\n  ",
            "<!x>",
            "<?",
            "<!",
            "]]",
            "<a b='&#10;\t'/>",
        ];
        let doc = base;
        let mut at = 0;
        let mut n = 0;
        while at < doc.len() {
            if doc.is_char_boundary(at) {
                let s = splices[n % splices.len()];
                n += 1;
                assert_modes_agree(&format!("{}{}{}", &doc[..at], s, &doc[at..]));
            }
            at += 13;
        }
        for doc in [
            "",
            "<a/>",
            "<?xml version='1.0'?><a>x</a>",
            "<?xml version='2.0'?><a/>",
            "<a>x</a><b/>",
            "<a><b>x</b>",
            "<a>x < y</a>",
            "<a>x & y</a>",
            "<a></a >",
            "<a></ a>",
            "<a></a\n>",
            "<a></b>",
            "</a>",
            "<a/></a>",
            "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>",
            "<a>&#0;</a>",
            "<a b='1'c='2'/>",
            "<a>",
            "<a",
            "<a b='>",
            "<a><!----></a>",
            "<a><![CDATA[]]></a>",
            " <a/> ",
            "<a/>x",
            "x<a/>",
        ] {
            assert_modes_agree(doc);
        }
    }
}
