//! The detected brand beside the card number, as a small mark of our own (not the brands'
//! logos): a rounded card with the brand's letters, or two rings for Mastercard and Maestro,
//! plus the brand's name for screen readers. About 2.5em wide, so the number keeps the room
//! a 19-digit card needs on a 320 px screen (the name in letters took 9em and hid digits).
//! Built with DOM calls (SVG elements, attributes, classes): no markup is parsed and nothing
//! is inline-styled, so a strict CSP holds; colours come from the stylesheet
//! (`.omise-brand-mark--<brand>`), where a merchant can restyle them.

use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use omise_checkout_core::brand::Brand;
use web_sys::{Document, Element, HtmlElement};

use crate::dom::{add, el_ns, set_attr};

const SVG: &str = "http://www.w3.org/2000/svg";

/// What a brand's mark shows.
enum Shape {
    Letters(&'static str),
    Rings,
}

/// Brands as data (STYLE.md pattern 1): a new brand is one row.
const MARKS: &[(Brand, Shape)] = &[
    (Brand::Visa, Shape::Letters("VISA")),
    (Brand::Mastercard, Shape::Rings),
    (Brand::Amex, Shape::Letters("AMEX")),
    (Brand::Jcb, Shape::Letters("JCB")),
    (Brand::Diners, Shape::Letters("DC")),
    (Brand::Discover, Shape::Letters("DISC")),
    (Brand::Unionpay, Shape::Letters("UP")),
    (Brand::Maestro, Shape::Rings),
];

/// The marks a form has drawn, kept for when the brand comes back (typing, clearing and
/// pasting switch it often): a switch then moves nodes instead of building an SVG again.
#[derive(Default)]
pub struct Marks {
    drawn: RefCell<Vec<(Brand, Element)>>,
    /// The brand's name for screen readers, beside the mark.
    name: RefCell<Option<Element>>,
}

impl Marks {
    /// Shows `brand`'s mark and name in `container` (hidden when none; the last mark stays
    /// inside, out of sight and out of the accessibility tree).
    pub fn show(&self, container: &HtmlElement, brand: Option<Brand>) {
        container.set_hidden(brand.is_none());
        let Some(brand) = brand else { return };
        let document = crate::dom::owner(container);
        let svg = self.drawn.borrow().iter().find(|(b, _)| *b == brand).map(|(_, e)| e.clone());
        let Some(svg) = svg.or_else(|| {
            let svg = mark(&document, brand)?;
            self.drawn.borrow_mut().push((brand, svg.clone()));
            Some(svg)
        }) else {
            return;
        };
        let mut name = self.name.borrow_mut();
        if name.is_none() {
            *name = Some(crate::dom::el(&document, "span", "omise-sr-only").into());
        }
        let Some(name) = name.as_ref() else { return };
        name.set_text_content(Some(brand.display_name()));
        container.replace_children_with_node_2(&svg, name);
    }
}

fn mark(document: &Document, brand: Brand) -> Option<Element> {
    let shape = MARKS.iter().find(|(b, _)| *b == brand).map(|(_, s)| s)?;
    let mut class = String::from("omise-brand-mark omise-brand-mark--");
    class.push_str(brand.id());
    let attrs = [("viewBox", "0 0 40 26"), ("aria-hidden", "true"), ("focusable", "false")];
    let svg = svg_el(document, "svg", &class, &attrs);
    let card = [("x", "0.5"), ("y", "0.5"), ("width", "39"), ("height", "25"), ("rx", "4")];
    let rect = svg_el(document, "rect", "omise-brand-mark__card", &card);
    add(&svg, &rect);
    match shape {
        Shape::Letters(letters) => {
            let size = if letters.len() > 3 { "10" } else { "11" };
            let attrs = [
                ("x", "20"),
                ("y", "17"),
                ("text-anchor", "middle"),
                ("font-size", size),
                ("font-weight", "700"),
                ("font-family", "system-ui, sans-serif"),
            ];
            let text = svg_el(document, "text", "omise-brand-mark__text", &attrs);
            text.set_text_content(Some(letters));
            add(&svg, &text);
        }
        Shape::Rings => {
            for (cx, class) in
                [("16", "omise-brand-mark__ring"), ("24", "omise-brand-mark__ring omise-brand-mark__ring--2")]
            {
                let ring = svg_el(document, "circle", class, &[("cx", cx), ("cy", "13"), ("r", "7")]);
                add(&svg, &ring);
            }
        }
    }
    Some(svg)
}

fn svg_el(document: &Document, tag: &str, class: &str, attrs: &[(&str, &str)]) -> Element {
    let e = el_ns(document, SVG, tag);
    // `class` as an attribute: an SVG element's `className` is not a string.
    set_attr(&e, "class", class);
    for (k, v) in attrs {
        set_attr(&e, k, v);
    }
    e
}
