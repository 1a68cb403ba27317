//! Card brands as data (STYLE.md pattern 1, SPEC §4). A new brand is one row in `RULES`
//! plus its test rows.

use alloc::vec::Vec;

use serde::Serialize;

/// A card brand. `id()` is the JS-facing `BrandId`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Brand {
    Visa,
    Mastercard,
    Amex,
    Jcb,
    Diners,
    Discover,
    Unionpay,
    Maestro,
}

/// An inclusive range of IIN prefixes that all have `digits` digits (`4` is `(4, 4, 1)`).
#[derive(Debug, Clone, Copy)]
pub struct PrefixRange {
    pub low: u32,
    pub high: u32,
    pub digits: u8,
}

const fn p(low: u32, high: u32, digits: u8) -> PrefixRange {
    PrefixRange { low, high, digits }
}

/// One row of the brand table.
#[derive(Debug)]
pub struct BrandRule {
    pub brand: Brand,
    pub prefixes: &'static [PrefixRange],
    /// Valid lengths in digits, ascending.
    pub lengths: &'static [u8],
    /// Positions (in digits) after which a space is shown.
    pub gaps: &'static [u8],
    /// UnionPay numbers do not always pass Luhn (SPEC §4).
    pub luhn: bool,
    pub security_code_len: u8,
}

const GAPS_16: &[u8] = &[4, 8, 12, 16];
const GAPS_4_6: &[u8] = &[4, 10];

/// SPEC §4. Order is the tie-break between equally long prefixes: Maestro's broad ranges last.
pub static RULES: &[BrandRule] = &[
    BrandRule {
        brand: Brand::Visa,
        prefixes: &[p(4, 4, 1)],
        lengths: &[13, 16, 19],
        gaps: GAPS_16,
        luhn: true,
        security_code_len: 3,
    },
    BrandRule {
        brand: Brand::Mastercard,
        // 2-series BINs since 2017: 2221–2720.
        prefixes: &[p(51, 55, 2), p(2221, 2720, 4)],
        lengths: &[16],
        gaps: GAPS_16,
        luhn: true,
        security_code_len: 3,
    },
    BrandRule {
        brand: Brand::Amex,
        prefixes: &[p(34, 34, 2), p(37, 37, 2)],
        lengths: &[15],
        gaps: GAPS_4_6,
        luhn: true,
        security_code_len: 4,
    },
    BrandRule {
        brand: Brand::Jcb,
        prefixes: &[p(3528, 3589, 4)],
        lengths: &[16, 17, 18, 19],
        gaps: GAPS_16,
        luhn: true,
        security_code_len: 3,
    },
    BrandRule {
        brand: Brand::Diners,
        prefixes: &[p(300, 305, 3), p(36, 36, 2), p(38, 39, 2)],
        lengths: &[14, 15, 16, 17, 18, 19],
        // 14 digits group 4-6-4; longer Diners numbers group like Visa (see `Brand::gaps`).
        gaps: GAPS_4_6,
        luhn: true,
        security_code_len: 3,
    },
    BrandRule {
        brand: Brand::Discover,
        // Not 622126–622925: those are UnionPay cards that Discover's network accepts (SPEC §4).
        prefixes: &[p(6011, 6011, 4), p(644, 649, 3), p(65, 65, 2)],
        lengths: &[16, 17, 18, 19],
        gaps: GAPS_16,
        luhn: true,
        security_code_len: 3,
    },
    BrandRule {
        brand: Brand::Unionpay,
        // 622126–622925 (co-accepted by Discover) is named on its own: as the longest prefix it
        // stays UnionPay (no Luhn) whatever shorter 62… range another row may claim.
        prefixes: &[p(62, 62, 2), p(622126, 622925, 6), p(81, 81, 2)],
        lengths: &[16, 17, 18, 19],
        gaps: GAPS_16,
        luhn: false,
        security_code_len: 3,
    },
    BrandRule {
        brand: Brand::Maestro,
        prefixes: &[p(50, 50, 2), p(56, 69, 2)],
        lengths: &[12, 13, 14, 15, 16, 17, 18, 19],
        gaps: GAPS_16,
        luhn: true,
        security_code_len: 3,
    },
];

impl Brand {
    pub const ALL: [Brand; 8] = [
        Brand::Visa,
        Brand::Mastercard,
        Brand::Amex,
        Brand::Jcb,
        Brand::Diners,
        Brand::Discover,
        Brand::Unionpay,
        Brand::Maestro,
    ];

    /// The JS-facing id (`BrandId`).
    pub fn id(self) -> &'static str {
        match self {
            Brand::Visa => "visa",
            Brand::Mastercard => "mastercard",
            Brand::Amex => "amex",
            Brand::Jcb => "jcb",
            Brand::Diners => "diners",
            Brand::Discover => "discover",
            Brand::Unionpay => "unionpay",
            Brand::Maestro => "maestro",
        }
    }

    /// Parses a `BrandId`; also accepts the Omise API's display names.
    pub fn from_id(id: &str) -> Option<Brand> {
        Brand::ALL
            .into_iter()
            .find(|b| b.id().eq_ignore_ascii_case(id) || b.omise_name().eq_ignore_ascii_case(id))
    }

    /// The name shown to the customer, spelled as the brand spells itself today
    /// ("Mastercard" since its 2016 rebrand).
    pub fn display_name(self) -> &'static str {
        match self {
            Brand::Mastercard => "Mastercard",
            other => other.omise_name(),
        }
    }

    /// The `card.brand` string of the Omise API (SPEC §2): `MasterCard` there, as the API
    /// writes it; not for display (`display_name`).
    pub fn omise_name(self) -> &'static str {
        match self {
            Brand::Visa => "Visa",
            Brand::Mastercard => "MasterCard",
            Brand::Amex => "American Express",
            Brand::Jcb => "JCB",
            Brand::Diners => "Diners Club",
            Brand::Discover => "Discover",
            Brand::Unionpay => "UnionPay",
            Brand::Maestro => "Maestro",
        }
    }

    pub fn rule(self) -> &'static BrandRule {
        // Every brand has exactly one row; the table test guards it.
        RULES.iter().find(|r| r.brand == self).unwrap_or(&RULES[0])
    }

    pub fn security_code_len(self) -> u8 {
        self.rule().security_code_len
    }

    pub fn max_len(self) -> usize {
        self.rule().lengths.last().copied().unwrap_or(19) as usize
    }

    /// Where spaces go for a number of `len` digits of this brand.
    pub fn gaps(self, len: usize) -> &'static [u8] {
        match self {
            Brand::Diners if len > 14 => GAPS_16,
            _ => self.rule().gaps,
        }
    }
}

/// How a prefix range relates to the digits typed so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// The first `digits` digits fall in the range.
    Full(u8),
    /// Too few digits to tell, but typing more could land in the range.
    Partial,
    None,
}

fn fit(range: &PrefixRange, digits: &[u8]) -> Fit {
    let k = range.digits as usize;
    let head = &digits[..digits.len().min(k)];
    let value = head.iter().fold(0u32, |acc, d| acc * 10 + *d as u32);
    if head.len() == k {
        return if (range.low..=range.high).contains(&value) { Fit::Full(range.digits) } else { Fit::None };
    }
    // With n < k digits typed, the k-digit prefixes still reachable are [value·10^(k−n), (value+1)·10^(k−n)).
    let scale = 10u32.pow((k - head.len()) as u32);
    let (min, max) = (value * scale, (value + 1) * scale - 1);
    if min <= range.high && max >= range.low {
        Fit::Partial
    } else {
        Fit::None
    }
}

/// Result of brand detection on (possibly partial) digits.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Detection {
    /// The brand the digits belong to, when it can be told.
    pub brand: Option<Brand>,
    /// Every brand the digits could still turn out to be, in table order.
    pub candidates: Vec<Brand>,
}

/// Detects the brand of `digits` (ASCII digit values 0–9) by longest matching prefix.
pub fn detect(digits: &[u8]) -> Detection {
    let mut candidates = Vec::new();
    let mut best: Option<(u8, Brand)> = None;
    for rule in RULES {
        let mut seen = false;
        for range in rule.prefixes {
            match fit(range, digits) {
                Fit::Full(len) => {
                    seen = true;
                    if best.is_none_or(|(l, _)| len > l) {
                        best = Some((len, rule.brand));
                    }
                }
                Fit::Partial => seen = true,
                Fit::None => {}
            }
        }
        if seen && !digits.is_empty() {
            candidates.push(rule.brand);
        }
    }
    let brand = best.map(|(_, b)| b).or_else(|| {
        // No full prefix yet: name the brand only when one is left (Maestro yields to others).
        let mut specific = candidates.iter().filter(|b| **b != Brand::Maestro);
        match (specific.next(), specific.next()) {
            (Some(b), None) => Some(*b),
            (None, None) if candidates.len() == 1 => Some(candidates[0]),
            _ => None,
        }
    });
    Detection { brand, candidates }
}
