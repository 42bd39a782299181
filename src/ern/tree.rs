//! A small element tree for one item of a feed (a `Party`, a `SoundRecording`, a `Release`,
//! the `MessageHeader`, …). Items are built one at a time and dropped once read, so memory
//! follows the model, not the size of the file.

use std::sync::Arc;

use std::borrow::Cow;

use super::model::{AttrValue, Lang, LangSource, Localized, Text};
use crate::finding::Span;
use crate::xml::{local_name, Attr, TextNode};

pub type NodeId = u32;
const NONE: NodeId = u32::MAX;

#[derive(Debug)]
pub struct Node<'a> {
    /// Local name.
    pub name: &'a str,
    /// Start tag.
    pub tag_span: Span,
    parent: NodeId,
    first_child: NodeId,
    last_child: NodeId,
    next_sibling: NodeId,
    attrs: (u32, u32),
    text: Cow<'a, str>,
    text_span: Option<Span>,
    text_runs: u32,
    has_children: bool,
    /// Nearest `LanguageAndScriptCode`, an index into [`Tree::langs`] (`NONE`: none in the
    /// item), and its source. An index, not a shared pointer: nodes are made by the hundred
    /// thousand and most never have their language asked for.
    lang: u32,
    lang_source: LangSource,
}

/// An attribute as the items ask for it: by local name.
#[derive(Debug)]
struct ItemAttr<'a> {
    local: &'a str,
    value: Cow<'a, str>,
    value_span: Span,
}

/// The item being built, and the context inherited from outside it.
#[derive(Debug)]
pub struct Tree<'a> {
    nodes: Vec<Node<'a>>,
    attrs: Vec<ItemAttr<'a>>,
    /// The item's `LanguageAndScriptCode` attributes, shared by the nodes that inherit them.
    langs: Vec<Arc<AttrValue<'a>>>,
    open: Vec<NodeId>,
    /// The message root's `LanguageAndScriptCode`.
    pub root_lang: Option<Arc<AttrValue<'a>>>,
}

impl Default for Tree<'_> {
    /// A tree with room for a typical item: a small file is read with a new tree, which
    /// would otherwise grow its vectors again for each file.
    fn default() -> Self {
        Tree {
            nodes: Vec::with_capacity(128),
            attrs: Vec::with_capacity(16),
            langs: Vec::new(),
            open: Vec::with_capacity(16),
            root_lang: None,
        }
    }
}

impl<'a> Tree<'a> {
    pub fn clear(&mut self) {
        self.nodes.clear();
        self.attrs.clear();
        self.langs.clear();
        self.open.clear();
    }

    pub fn is_building(&self) -> bool {
        !self.open.is_empty()
    }

    /// Whether the item's root element has been closed.
    pub fn is_complete(&self) -> bool {
        !self.nodes.is_empty() && self.open.is_empty()
    }

    pub fn start(&mut self, local: &'a str, tag_span: Span, attrs: &[Attr<'a>]) {
        let id = self.nodes.len() as NodeId;
        let parent = self.open.last().copied().unwrap_or(NONE);
        let a0 = self.attrs.len() as u32;
        let mut own_lang = None;
        for a in attrs {
            let attr_local = local_name(a.name);
            if own_lang.is_none() && attr_local == "LanguageAndScriptCode" {
                own_lang = Some(a);
            }
            self.attrs.push(ItemAttr {
                local: attr_local,
                value: a.value.clone(),
                value_span: a.value_span,
            });
        }
        let a1 = self.attrs.len() as u32;
        let (lang, lang_source) = match (own_lang, parent) {
            (Some(a), _) => {
                let attr = AttrValue {
                    value: a.value.clone(),
                    elem: tag_span.start,
                    span: a.value_span,
                };
                self.langs.push(Arc::new(attr));
                (self.langs.len() as u32 - 1, LangSource::Own)
            }
            (None, NONE) => (
                NONE,
                if self.root_lang.is_some() {
                    LangSource::Root
                } else {
                    LangSource::Default
                },
            ),
            (None, p) => {
                let p = &self.nodes[p as usize];
                let src = match p.lang_source {
                    LangSource::Own | LangSource::Container => LangSource::Container,
                    other => other,
                };
                (p.lang, src)
            }
        };
        if parent != NONE {
            let p = &mut self.nodes[parent as usize];
            p.has_children = true;
            p.text = Cow::Borrowed("");
            p.text_span = None;
            if p.first_child == NONE {
                p.first_child = id;
            } else {
                let last = p.last_child;
                self.nodes[last as usize].next_sibling = id;
            }
            self.nodes[parent as usize].last_child = id;
        }
        self.nodes.push(Node {
            name: local,
            tag_span,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            attrs: (a0, a1),
            text: Cow::Borrowed(""),
            text_span: None,
            text_runs: 0,
            has_children: false,
            lang,
            lang_source,
        });
        self.open.push(id);
    }

    pub fn text(&mut self, t: TextNode<'a>) {
        let Some(&id) = self.open.last() else { return };
        let n = &mut self.nodes[id as usize];
        if n.has_children {
            return; // mixed content: DDEX text elements have none; ignore indentation
        }
        n.text_runs += 1;
        match n.text_span {
            None => {
                n.text = t.value;
                n.text_span = Some(t.span);
            }
            Some(s) => {
                n.text.to_mut().push_str(&t.value);
                n.text_span = Some(Span::new(s.start, t.span.end));
            }
        }
    }

    pub fn end(&mut self) {
        self.open.pop();
    }

    // ---- navigation ----

    pub fn root(&self) -> NodeId {
        0
    }

    pub fn name(&self, id: NodeId) -> &'a str {
        self.nodes[id as usize].name
    }

    pub fn elem(&self, id: NodeId) -> u32 {
        self.nodes[id as usize].tag_span.start
    }

    pub fn tag_span(&self, id: NodeId) -> Span {
        self.nodes[id as usize].tag_span
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        Some(self.nodes[id as usize].parent).filter(|&p| p != NONE)
    }

    pub fn children(&self, id: NodeId) -> Children<'_, 'a> {
        Children {
            tree: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    pub fn children_named<'s>(&'s self, id: NodeId, name: &'s str) -> impl Iterator<Item = NodeId> + Clone + 's {
        self.children(id).filter(move |&c| self.name(c) == name)
    }

    pub fn child(&self, id: NodeId, name: &str) -> Option<NodeId> {
        self.children(id).find(|&c| self.name(c) == name)
    }

    /// All descendants of `id` in document order (not `id` itself). Nodes are stored in
    /// document order, so a subtree is a contiguous run of ids.
    pub fn descendants(&self, id: NodeId) -> impl Iterator<Item = NodeId> + Clone + '_ {
        let end = self.subtree_end(id);
        (id + 1)..end
    }

    /// Descendants of `id` in document order, without what is inside the nodes `prune`
    /// picks (those nodes themselves are kept).
    pub fn descendants_pruned<'s>(
        &'s self,
        id: NodeId,
        prune: impl Fn(NodeId) -> bool + 's,
    ) -> impl Iterator<Item = NodeId> + 's {
        let end = self.subtree_end(id);
        let mut next = id + 1;
        std::iter::from_fn(move || {
            let d = next;
            if d >= end {
                return None;
            }
            next = if prune(d) { self.subtree_end(d) } else { d + 1 };
            Some(d)
        })
    }

    /// The first node after the subtree of `id`: the next sibling of `id` or of its
    /// nearest ancestor that has one.
    fn subtree_end(&self, id: NodeId) -> NodeId {
        let mut cur = id;
        loop {
            let n = &self.nodes[cur as usize];
            if n.next_sibling != NONE {
                return n.next_sibling;
            }
            if n.parent == NONE {
                return self.nodes.len() as NodeId;
            }
            cur = n.parent;
        }
    }

    fn attrs(&self, id: NodeId) -> &[ItemAttr<'a>] {
        let (a, b) = self.nodes[id as usize].attrs;
        &self.attrs[a as usize..b as usize]
    }

    pub fn attr(&self, id: NodeId, local: &str) -> Option<AttrValue<'a>> {
        self.attrs(id).iter().find(|a| a.local == local).map(|a| AttrValue {
            value: a.value.clone(),
            elem: self.elem(id),
            span: a.value_span,
        })
    }

    pub fn attr_is_true(&self, id: NodeId, local: &str) -> bool {
        self.attr(id, local)
            .is_some_and(|a| matches!(a.value.trim(), "true" | "1"))
    }

    /// The element's text content.
    pub fn text_of(&self, id: NodeId) -> Text<'a> {
        let n = &self.nodes[id as usize];
        let empty_at = n.tag_span.end;
        Text {
            value: n.text.clone(),
            elem: n.tag_span.start,
            span: n.text_span.unwrap_or(Span::empty(empty_at)),
            editable: n.text_runs <= 1 && !n.has_children,
        }
    }

    pub fn child_text(&self, id: NodeId, name: &str) -> Option<Text<'a>> {
        self.child(id, name).map(|c| self.text_of(c))
    }

    pub fn lang(&self, id: NodeId) -> Lang<'a> {
        let n = &self.nodes[id as usize];
        match self.langs.get(n.lang as usize) {
            Some(attr) => Lang {
                attr: Some(attr.clone()),
                source: n.lang_source,
            },
            None => match &self.root_lang {
                Some(r) => Lang {
                    attr: Some(r.clone()),
                    source: LangSource::Root,
                },
                None => Lang {
                    attr: None,
                    source: LangSource::Default,
                },
            },
        }
    }

    /// A text with its localization: language from the element (or its containers),
    /// territory and default flag from the element or else from `container`.
    pub fn localized(&self, id: NodeId, container: Option<NodeId>) -> Localized<'a> {
        let from = |name: &str| {
            self.attr(id, name)
                .or_else(|| container.and_then(|c| self.attr(c, name)))
        };
        Localized {
            text: self.text_of(id),
            lang: self.lang(id),
            territory: from("ApplicableTerritoryCode").map(Box::new),
            is_default: from("IsDefault").map(Box::new),
        }
    }

    /// Every node of the item, in document order.
    pub fn all(&self) -> impl Iterator<Item = NodeId> {
        0..self.nodes.len() as NodeId
    }
}

#[derive(Clone)]
pub struct Children<'t, 'a> {
    tree: &'t Tree<'a>,
    next: NodeId,
}

impl Iterator for Children<'_, '_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.tree.nodes[id as usize].next_sibling;
        Some(id)
    }
}
