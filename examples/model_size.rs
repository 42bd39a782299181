//! Developer tool: where a feed's model memory goes (shallow struct sizes times counts, vector
//! capacities, owned strings). `cargo run --release --example model_size -- FILE`
//!
//! The MB column counts vector capacity: pages of a large vector beyond its length are never
//! written, so they are address space rather than resident memory.
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::mem::size_of;

use ddexlint::ern::{self, Display, Localized, PartyName, Text, Title};
use ddexlint::source::Source;

#[derive(Default)]
struct Tally(BTreeMap<&'static str, (usize, usize)>);

impl Tally {
    fn add(&mut self, what: &'static str, n: usize, bytes: usize) {
        let e = self.0.entry(what).or_default();
        e.0 += n;
        e.1 += bytes;
    }
    fn vec<T>(&mut self, what: &'static str, v: &Vec<T>) {
        self.add(what, v.len(), v.capacity() * size_of::<T>());
    }
    fn text(&mut self, t: &Text) {
        if let Cow::Owned(s) = &t.value {
            self.add("owned strings", 1, s.capacity());
        }
    }
    fn localized(&mut self, l: &Localized) {
        self.text(&l.text);
        if l.territory.is_some() {
            self.add("boxed rare attrs", 1, 64);
        }
        if l.is_default.is_some() {
            self.add("boxed rare attrs", 1, 64);
        }
    }
    fn title(&mut self, t: &Title) {
        if let Some(x) = &t.text {
            self.localized(x);
        }
        self.vec("title subtitles", &t.subtitles);
        t.subtitles.iter().for_each(|s| self.localized(s));
    }
    fn names(&mut self, names: &Vec<PartyName>) {
        self.vec("party names", names);
        for n in names {
            if let Some(f) = &n.full_name {
                self.localized(f);
            }
            self.vec("other names", &n.other_names);
            n.other_names.iter().for_each(|o| self.localized(o));
        }
    }
    fn display(&mut self, d: &Display) {
        self.vec("titles", &d.titles);
        d.titles.iter().for_each(|t| self.title(t));
        self.vec("artist names", &d.artist_names);
        d.artist_names.iter().for_each(|n| self.localized(n));
        self.vec("artist credits", &d.artists);
        for a in &d.artists {
            self.names(&a.names);
            self.vec("artist roles", &a.roles);
        }
        self.vec("rights lines", &d.plines);
        self.vec("rights lines", &d.clines);
        self.vec("territory details", &d.details);
        for x in &d.details {
            self.vec("territory codes", &x.territories);
        }
    }
}

fn main() {
    sizes();
    let path = std::env::args().nth(1).expect("usage: model_size FILE");
    let source = Source::decode(path.clone(), std::fs::read(&path).unwrap()).unwrap();
    let outcome = ern::read(&source.text);
    let feed = outcome.feed.expect("a feed");
    let mut t = Tally::default();
    t.vec("parties", &feed.parties);
    for p in &feed.parties {
        t.names(&p.names);
        t.vec("id indexes", &p.ids);
    }
    t.vec("resources", &feed.resources);
    for r in &feed.resources {
        t.display(&r.display);
        t.vec("id indexes", &r.ids);
    }
    t.vec("releases", &feed.releases);
    for r in &feed.releases {
        t.display(&r.display);
        t.vec("labels", &r.labels);
        t.vec("id indexes", &r.ids);
        t.vec("release types", &r.release_types);
        t.vec("resource refs", &r.resource_refs);
    }
    t.vec("identifiers", &feed.identifiers);
    t.vec("reference uses", &feed.refs);
    t.vec("lang attrs", &feed.lang_attrs);
    t.vec("default flags", &feed.default_flags);
    t.vec("item marks", &feed.items);
    let mut total = 0;
    println!("{:<20} {:>10} {:>10} {:>8}", "what", "count", "MB", "B each");
    for (what, (n, bytes)) in &t.0 {
        total += bytes;
        println!(
            "{what:<20} {n:>10} {:>10.1} {:>8}",
            *bytes as f64 / 1e6,
            bytes / (*n).max(1)
        );
    }
    println!("{:<20} {:>10} {:>10.1}", "total (shallow)", "", total as f64 / 1e6);
}

/// The shallow sizes behind the table: a vector's slack is capacity the process may never touch.
fn sizes() {
    use ddexlint::ern::*;
    println!(
        "size_of: Release {} Resource {} Display {} Title {} Localized {} Text {} Identifier {} RefUse {} Label {} RightsLine {} Party {} AttrValue {} ArtistCredit {}",
        size_of::<Release>(), size_of::<Resource>(), size_of::<Display>(), size_of::<Title>(), size_of::<Localized>(),
        size_of::<Text>(), size_of::<Identifier>(), size_of::<RefUse>(), size_of::<Label>(), size_of::<RightsLine>(),
        size_of::<Party>(), size_of::<AttrValue>(), size_of::<ArtistCredit>()
    );
}
