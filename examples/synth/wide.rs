//! The wide variant of the benchmark (`synth --wide`): what the default data does not have.
//!
//! - Every person gets a home address (house number, street, postcode, locality, country; invented
//!   from street and town roots of their culture) and most get a birthday; the address books
//!   (Google, Google's old CSV, Outlook, the iPhone and Android vCards) write them.
//! - Address-book records get Febrl-like corruption: typos of one or two edits, given and family
//!   swapped or missing, a space inside a name, birthdays with a one-digit slip or day and month
//!   transposed, street typos and abbreviations, postcode slips, localities left out.
//! - Instagram and Mastodon handles follow more habits: given name + start of the family name
//!   (`michellesm`, `michelle.smi`), given name + digits (`michelle1827`), separators
//!   (`smith_michelle`), family name + initial (`smithm`), a nickname + the family name.
//! - Some people go by a nickname or spelling that rolo's nickname table does not hold
//!   (`src/normalize/nicknames.txt`; the test below checks it).
//!
//! Every draw of the variant comes from its own generator, seeded from the run's seed, so the
//! default output is untouched, and the wide output holds the same people on the same lists.

use super::{ascii_key, chance, pick, Name, Person};
use fastrand::Rng;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Rates of the wide variant, in one place so that docs/benchmark-data.md can quote them.
pub mod rate {
    /// People without a birthday in the default draw who get one (40% → 85% of people).
    pub const EXTRA_BIRTHDAY: f64 = 0.75;
    /// An address-book record shows the person's birthday (default 60%).
    pub const BOOK_BIRTHDAY: f64 = 0.9;
    /// An address-book record shows the person's home address.
    pub const BOOK_ADDRESS: f64 = 0.6;
    /// ... with the country.
    pub const COUNTRY: f64 = 0.3;
    /// People whose given name has a form outside rolo's table and who go by it.
    pub const GOES_BY_ALT: f64 = 0.5;
    /// A handle that is not made of random words follows one of the new habits.
    pub const NEW_HANDLE: f64 = 0.5;

    // Febrl-like corruption, per address-book record.
    pub const GIVEN_TYPO: f64 = 0.05;
    pub const FAMILY_TYPO: f64 = 0.05;
    /// Share of typos with two edits instead of one.
    pub const TWO_EDITS: f64 = 0.3;
    /// Share of typo edits that may touch the first letter.
    pub const FIRST_LETTER: f64 = 0.1;
    pub const SWAPPED: f64 = 0.02;
    pub const GIVEN_MISSING: f64 = 0.02;
    pub const FAMILY_MISSING: f64 = 0.015;
    pub const SPACE_INSIDE: f64 = 0.015;
    /// Of the birthdays shown.
    pub const BIRTHDAY_SLIP: f64 = 0.04;
    pub const BIRTHDAY_DAY_MONTH: f64 = 0.02;
    /// Of the addresses shown.
    pub const STREET_TYPO: f64 = 0.05;
    pub const STREET_ABBREVIATED: f64 = 0.15;
    pub const STREET_SPACE: f64 = 0.03;
    pub const NUMBER_MISSING: f64 = 0.03;
    pub const POSTCODE_SLIP: f64 = 0.04;
    pub const LOCALITY_TYPO: f64 = 0.03;
    pub const LOCALITY_MISSING: f64 = 0.05;
}

/// The wide variant's own random stream.
pub struct Wide {
    pub rng: Rng,
    /// People whose Instagram handle follows a new habit.
    new_ig: Vec<u32>,
}

impl Wide {
    pub fn new(seed: u64) -> Wide {
        Wide {
            rng: Rng::with_seed(seed ^ 0x7769_6465_2d31_3400),
            new_ig: Vec::new(),
        }
    }

    /// A person's address, birthday, handles and off-table nickname. The handles drawn here
    /// stay out of `used_handle`, so the default draws of later people are what they are
    /// without `--wide`; [`Wide::unique_handles`] settles clashes once everyone is drawn.
    pub fn person(&mut self, p: &mut Person, used_handle: &HashSet<String>) {
        let rng = &mut self.rng;
        if p.birthday.is_none() && chance(rng, rate::EXTRA_BIRTHDAY) {
            p.birthday = Some((rng.i64(1950..2005), rng.u32(1..13), rng.u32(1..29)));
        }
        p.home = Some(home(p.culture.key, rng));
        let alts = off_table(p.culture.key, p.given());
        if !alts.is_empty() && chance(rng, rate::GOES_BY_ALT) {
            p.alt_nick = Some(*pick(rng, alts));
        }
        if !p.ig_opaque && chance(rng, rate::NEW_HANDLE) {
            for _ in 0..20 {
                let h = handle(p, rng);
                if !used_handle.contains(&h) {
                    p.ig = h;
                    self.new_ig.push(p.id);
                    break;
                }
            }
        }
        if !p.masto_opaque && chance(rng, rate::NEW_HANDLE) {
            let host = p.masto.split_once('@').map_or("", |(_, h)| h).to_string();
            p.masto = format!("{}@{host}", handle(p, rng));
        }
    }

    /// Redraws the new-habit Instagram handles that another person also holds.
    pub fn unique_handles(&mut self, people: &mut [Person]) {
        let mut count: HashMap<String, u32> = HashMap::with_capacity(people.len());
        for p in people.iter() {
            *count.entry(p.ig.clone()).or_default() += 1;
        }
        for &id in &self.new_ig {
            let Some(p) = people.get_mut(id as usize) else {
                continue;
            };
            if count.get(&p.ig).copied().unwrap_or(0) < 2 {
                continue;
            }
            // The first tries keep the habit; a number settles the rest.
            for k in 0..40u32 {
                let mut h = handle(p, &mut self.rng);
                if k >= 20 {
                    h = format!("{h}{}", self.rng.u32(10..100_000));
                }
                if !count.contains_key(&h) {
                    if let Some(c) = count.get_mut(&p.ig) {
                        *c -= 1;
                    }
                    count.insert(h.clone(), 1);
                    p.ig = h;
                    break;
                }
            }
        }
    }

    /// The off-table nickname, at the rate `rate` of the platform, for a person who goes by one.
    pub fn alt_given(&mut self, p: &Person, rate: f64) -> Option<&'static str> {
        p.alt_nick.filter(|_| chance(&mut self.rng, rate))
    }

    /// Febrl-like corruption of a name as an address book holds it.
    pub fn corrupt_name(&mut self, n: &mut Name) {
        if n.cjk {
            return;
        }
        let rng = &mut self.rng;
        let edits = |rng: &mut Rng| 1 + usize::from(chance(rng, rate::TWO_EDITS));
        if chance(rng, rate::GIVEN_TYPO) {
            let k = edits(rng);
            n.given = typo_edits(&n.given, k, rng);
        }
        if chance(rng, rate::FAMILY_TYPO) {
            let k = edits(rng);
            n.family = typo_edits(&n.family, k, rng);
        }
        if chance(rng, rate::SPACE_INSIDE) {
            if rng.bool() {
                n.given = space_inside(&n.given, rng);
            } else {
                n.family = space_inside(&n.family, rng);
            }
        }
        let r = rng.f64();
        if r < rate::SWAPPED {
            std::mem::swap(&mut n.given, &mut n.family);
        } else if r < rate::SWAPPED + rate::GIVEN_MISSING {
            if !n.family.is_empty() {
                n.given.clear();
                n.middle.clear();
            }
        } else if r < rate::SWAPPED + rate::GIVEN_MISSING + rate::FAMILY_MISSING
            && !n.given.is_empty()
        {
            n.family.clear();
        }
    }

    /// The birthday an address-book record shows: `shown` is the default draw (60% of the
    /// records of people with one); the wide variant shows more and corrupts some.
    pub fn birthday(
        &mut self,
        b: Option<(i64, u32, u32)>,
        shown: Option<(i64, u32, u32)>,
    ) -> Option<(i64, u32, u32)> {
        let rng = &mut self.rng;
        // P(shown) = 0.6 + 0.4 x = BOOK_BIRTHDAY.
        let more = (rate::BOOK_BIRTHDAY - 0.6) / 0.4;
        let (y, m, d) = shown.or_else(|| b.filter(|_| chance(rng, more)))?;
        let r = rng.f64();
        Some(if r < rate::BIRTHDAY_SLIP {
            date_slip((y, m, d), rng)
        } else if r < rate::BIRTHDAY_SLIP + rate::BIRTHDAY_DAY_MONTH && d <= 12 && d != m {
            (y, d, m)
        } else {
            (y, m, d)
        })
    }

    /// The home address as one address-book record writes it, or none.
    pub fn address(&mut self, p: &Person) -> Option<Shown> {
        let h = p.home.as_ref()?;
        let rng = &mut self.rng;
        if !chance(rng, rate::BOOK_ADDRESS) {
            return None;
        }
        let mut street = if chance(rng, rate::STREET_ABBREVIATED) {
            h.abbreviated.clone()
        } else {
            h.street.clone()
        };
        if chance(rng, rate::STREET_TYPO) {
            street = typo_edits(&street, 1 + usize::from(chance(rng, rate::TWO_EDITS)), rng);
        }
        if chance(rng, rate::STREET_SPACE) {
            street = match street.find(' ') {
                Some(_) if rng.bool() => street.replacen(' ', "", 1),
                _ => space_inside(&street, rng),
            };
        }
        let number = (!chance(rng, rate::NUMBER_MISSING)).then_some(h.number);
        let line = h.line(&street, number);
        let postcode = if chance(rng, rate::POSTCODE_SLIP) {
            digit_slip(&h.postcode, rng)
        } else {
            h.postcode.clone()
        };
        let r = rng.f64();
        let locality = if r < rate::LOCALITY_MISSING {
            String::new()
        } else if r < rate::LOCALITY_MISSING + rate::LOCALITY_TYPO {
            typo_edits(&h.locality, 1, rng)
        } else {
            h.locality.clone()
        };
        let country = if chance(rng, rate::COUNTRY) {
            h.country
        } else {
            ""
        };
        Some(Shown {
            street: line,
            postcode,
            locality,
            country,
            cc: h.cc,
            with_formatted: rng.bool(),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Addresses

/// Where a person lives.
pub struct Home {
    pub number: u32,
    /// The street's name, full (`Oak Street`, `Lindenstraße`) and abbreviated (`Oak St`).
    pub street: String,
    pub abbreviated: String,
    pub at: NumberAt,
    pub postcode: String,
    pub locality: String,
    pub country: &'static str,
    /// ISO country code, for the iPhone's `X-ABADR`.
    pub cc: &'static str,
}

impl Home {
    /// The street line with the house number where the culture writes it.
    fn line(&self, street: &str, number: Option<u32>) -> String {
        match (number, self.at) {
            (None, _) => street.to_string(),
            (Some(n), NumberAt::Before) => format!("{n} {street}"),
            (Some(n), NumberAt::After) => format!("{street} {n}"),
            (Some(n), NumberAt::AfterComma) => format!("{street}, {n}"),
        }
    }
}

/// One address as a record shows it.
pub struct Shown {
    pub street: String,
    pub postcode: String,
    pub locality: String,
    pub country: &'static str,
    pub cc: &'static str,
    /// Google's `Formatted` column is filled too.
    pub with_formatted: bool,
}

impl Shown {
    /// The multi-line formatted address (Google's `Formatted` column).
    pub fn formatted(&self) -> String {
        let mut lines = vec![self.street.clone()];
        let town = format!("{} {}", self.postcode, self.locality);
        if !town.trim().is_empty() {
            lines.push(town.trim().to_string());
        }
        if !self.country.is_empty() {
            lines.push(self.country.to_string());
        }
        lines.join("\n")
    }
}

#[derive(Clone, Copy)]
pub enum NumberAt {
    /// `12 Oak Street`
    Before,
    /// `Lindenstraße 12`
    After,
    /// `Calle Mayor, 12`
    AfterComma,
}

#[derive(Clone, Copy)]
enum Postcode {
    /// n digits, the first not 0.
    Digits(usize),
    /// `00-950`
    Polish,
    /// `1234 AB`
    Dutch,
    /// `123 45` (Sweden, Greece)
    Split,
    /// No postcode in common use (the Emirates).
    None,
}

struct AddressSpec {
    key: &'static str,
    country: &'static str,
    cc: &'static str,
    /// Street name roots, comma-separated.
    roots: &'static str,
    /// Street kinds: the full and the abbreviated form, `{}` for the root.
    kinds: &'static [(&'static str, &'static str)],
    at: NumberAt,
    /// Localities: every head joined to every tail with `town_sep`.
    town_heads: &'static str,
    town_tails: &'static str,
    town_sep: &'static str,
    postcode: Postcode,
}

static ADDRESSES: &[AddressSpec] = &[
    AddressSpec {
        key: "english",
        country: "United States",
        cc: "us",
        roots: "Oak, Maple, Cedar, Pine, Elm, Willow, Birch, Chestnut, Hickory, Walnut, Mill, \
            Church, Park, Lake, Hill, River, Spring, Meadow, Orchard, Forest, Sunset, Highland, \
            Ridge, Valley, Station, Bridge, School, Franklin, Madison, Jefferson, Lincoln, Grant, \
            Harrison, Prospect, Pleasant, Cherry, Laurel, Holly, Juniper, Magnolia",
        kinds: &[
            ("{} Street", "{} St"),
            ("{} Street", "{} St."),
            ("{} Road", "{} Rd"),
            ("{} Avenue", "{} Ave"),
            ("{} Lane", "{} Ln"),
            ("{} Drive", "{} Dr"),
            ("{} Court", "{} Ct"),
            ("{} Place", "{} Pl"),
            ("{} Boulevard", "{} Blvd"),
        ],
        at: NumberAt::Before,
        town_heads: "Ash, Brook, Clear, Elm, Fair, Green, Hazel, Maple, Oak, Pine, River, Spring, \
            Stone, West, North, Glen, Red, Silver",
        town_tails: "field, ford, ton, ville, wood, dale, port, view, haven, burg",
        town_sep: "",
        postcode: Postcode::Digits(5),
    },
    AddressSpec {
        key: "german",
        country: "Deutschland",
        cc: "de",
        roots: "Linden, Eichen, Birken, Kastanien, Buchen, Tannen, Garten, Wiesen, Berg, Bach, \
            Mühlen, Kirch, Schul, Bahnhof, Markt, Rosen, Blumen, Sonnen, Wald, Feld, Brunnen, \
            Schiller, Goethe, Mozart, Beethoven, Fichte, Ahorn, Holunder, Hasel, Burg",
        kinds: &[
            ("{}straße", "{}str."),
            ("{}straße", "{}str"),
            ("{}weg", "{}weg"),
            ("{}allee", "{}allee"),
            ("{}gasse", "{}g."),
            ("{}platz", "{}pl."),
            ("{}ring", "{}ring"),
        ],
        at: NumberAt::After,
        town_heads: "Linden, Eichen, Birken, Wald, Berg, Sonnen, Tann, Roden, Alten, Neu, Hohen, \
            Stein, Buch",
        town_tails: "dorf, hausen, feld, bach, heim, burg, au, stadt",
        town_sep: "",
        postcode: Postcode::Digits(5),
    },
    AddressSpec {
        key: "french",
        country: "France",
        cc: "fr",
        roots: "de la Gare, du Moulin, des Lilas, de l'Église, du Château, des Écoles, de la \
            Paix, du Marché, des Tilleuls, des Roses, de la Fontaine, du Port, des Acacias, du \
            Stade, de la Mairie, des Vignes, du Pont, de Verdun, de la République, des Peupliers",
        kinds: &[
            ("rue {}", "r. {}"),
            ("rue {}", "r {}"),
            ("avenue {}", "av. {}"),
            ("boulevard {}", "bd {}"),
            ("chemin {}", "ch. {}"),
            ("impasse {}", "imp. {}"),
            ("place {}", "pl. {}"),
        ],
        at: NumberAt::Before,
        town_heads: "Saint-Martin, Saint-Pierre, Villeneuve, Beaumont, Montfort, Fontaine, \
            Roche, Valmont, Belleville, Clairvaux",
        town_tails: "-sur-Loire, -sur-Marne, -le-Château, -la-Forêt, -en-Brie, -les-Bains, \
            -sur-Mer",
        town_sep: "",
        postcode: Postcode::Digits(5),
    },
    AddressSpec {
        key: "spanish",
        country: "España",
        cc: "es",
        roots: "Mayor, del Sol, de la Rosa, Real, Nueva, del Carmen, de la Iglesia, del Mar, \
            de los Olivos, San Juan, Santa Ana, de la Paz, del Río, de las Flores, Alta, \
            del Pilar, de Cervantes, de la Constitución, del Prado, de Goya",
        kinds: &[
            ("Calle {}", "C/ {}"),
            ("Calle {}", "C. {}"),
            ("Avenida {}", "Avda. {}"),
            ("Paseo {}", "Pº {}"),
            ("Plaza {}", "Pl. {}"),
            ("Camino {}", "Cno. {}"),
        ],
        at: NumberAt::AfterComma,
        town_heads: "Villa, San Martín, Torre, Puebla, Castillo, Fuente, Valle, Santa María",
        town_tails: "del Río, de la Sierra, del Campo, de Arriba, del Monte, de los Llanos",
        town_sep: " ",
        postcode: Postcode::Digits(5),
    },
    AddressSpec {
        key: "polish",
        country: "Polska",
        cc: "pl",
        roots: "Lipowa, Polna, Leśna, Słoneczna, Krótka, Szkolna, Ogrodowa, Kwiatowa, Łąkowa, \
            Brzozowa, Kościelna, Sportowa, Jasna, Długa, Zielona, Kolejowa, Parkowa, Miła, \
            Spacerowa, Wiśniowa",
        kinds: &[
            ("ulica {}", "ul. {}"),
            ("ul. {}", "ul {}"),
            ("ul. {}", "{}"),
            ("aleja {}", "al. {}"),
        ],
        at: NumberAt::After,
        town_heads: "Nowa, Stara, Dolna, Górna, Wielka, Mała",
        town_tails: "Wola, Wieś, Dąbrowa, Kamionka, Brzezina, Olszyna, Lipnica",
        town_sep: " ",
        postcode: Postcode::Polish,
    },
    AddressSpec {
        key: "dutch",
        country: "Nederland",
        cc: "nl",
        roots: "Kerk, Molen, Dorps, School, Linden, Beuken, Eiken, Berken, Wilgen, Tuin, \
            Markt, Haven, Sluis, Dijk, Veld, Bloemen, Rozen, Zon, Water, Brug",
        kinds: &[
            ("{}straat", "{}str."),
            ("{}straat", "{}str"),
            ("{}weg", "{}wg"),
            ("{}laan", "{}ln"),
            ("{}plein", "{}pln"),
            ("{}gracht", "{}gr."),
        ],
        at: NumberAt::After,
        town_heads: "Oost, West, Noord, Zuid, Nieuw, Oud, Hoog, Groot",
        town_tails: "erwijk, erdam, dorp, hoven, erveen, broek, horst",
        town_sep: "",
        postcode: Postcode::Dutch,
    },
    AddressSpec {
        key: "scandinavian",
        country: "Sverige",
        cc: "se",
        roots: "Kyrko, Skol, Storgatan, Björk, Ek, Lind, Sjö, Berg, Strand, Skogs, Ängs, \
            Kvarn, Hamn, Park, Tall, Gran, Sol, Blomster, Ros, Bäck",
        kinds: &[
            ("{}gatan", "{}g."),
            ("{}vägen", "{}v."),
            ("{}vägen", "{}väg"),
            ("{}stigen", "{}st."),
            ("{}gränd", "{}gr."),
        ],
        at: NumberAt::After,
        town_heads: "Lind, Sjö, Berg, Ek, Björk, Ås, Strand, Holm, Fors, Dal",
        town_tails: "köping, by, holm, vik, torp, backa, sund",
        town_sep: "",
        postcode: Postcode::Split,
    },
    AddressSpec {
        key: "slovene",
        country: "Slovenija",
        cc: "si",
        roots: "Brezova, Gozdna, Sončna, Vrtna, Šolska, Cvetlična, Vaška, Gorska, Lipova, \
            Mlinska, Poljska, Jezerska, Travniška, Cerkvena, Kratka, Dolga, Partizanska, \
            Prešernova, Cankarjeva, Trubarjeva",
        kinds: &[
            ("{} ulica", "{} ul."),
            ("{} cesta", "{} c."),
            ("{} pot", "{} pot"),
        ],
        at: NumberAt::After,
        town_heads: "Gornja, Dolnja, Spodnja, Zgornja, Nova, Stara, Velika, Mala",
        town_tails: "Vas, Gora, Loka, Dobrava, Polica, Reka",
        town_sep: " ",
        postcode: Postcode::Digits(4),
    },
    AddressSpec {
        key: "indian",
        country: "India",
        cc: "in",
        roots: "Gandhi, Nehru, Station, Temple, Lake, Park, Church, Market, Mall, Ashok, \
            Shivaji, Tilak, Rajaji, Netaji, Patel, Subhash, Rose, Palace, Ring, Hospital",
        kinds: &[
            ("{} Road", "{} Rd"),
            ("{} Road", "{} Rd."),
            ("{} Street", "{} St"),
            ("{} Marg", "{} Mg"),
            ("{} Nagar", "{} Ngr"),
            ("{} Main Road", "{} Main Rd"),
        ],
        at: NumberAt::Before,
        town_heads: "Ram, Shiv, Krishna, Lakshmi, Hari, Chandra, Surya, Indra, Devi, Sita",
        town_tails: "pur, nagar, abad, garh, puram, pet, ganj",
        town_sep: "",
        postcode: Postcode::Digits(6),
    },
    AddressSpec {
        key: "chinese",
        country: "China",
        cc: "cn",
        roots: "Renmin, Jiefang, Zhongshan, Heping, Jianshe, Xinhua, Dongfeng, Wenhua, \
            Chaoyang, Yingbin, Binhe, Huaihai, Changjiang, Shengli, Guangming",
        kinds: &[
            ("{} Road", "{} Rd"),
            ("{} Lu", "{} Rd"),
            ("{} Street", "{} St"),
            ("{} Jie", "{} St"),
            ("{} Avenue", "{} Ave"),
        ],
        at: NumberAt::Before,
        town_heads: "Dong, Xi, Nan, Bei, Qing, Ping, An, Jin, Long, Hua",
        town_tails: "shan, he, ning, zhou, yang, cheng, tai, an",
        town_sep: "",
        postcode: Postcode::Digits(6),
    },
    AddressSpec {
        key: "arabic",
        country: "United Arab Emirates",
        cc: "ae",
        roots: "Al Wasl, Al Safa, Al Manara, Al Khail, Al Nahda, Al Qusais, Al Barsha, \
            Al Rigga, Al Muraqqabat, Al Falah, Al Salam, Al Nour, Al Waha, Al Rawda, Al Zahra",
        kinds: &[
            ("{} Street", "{} St"),
            ("{} Road", "{} Rd"),
            ("{} Street", "{} St."),
        ],
        at: NumberAt::Before,
        town_heads: "Al Nour, Al Salam, Al Waha, Al Rawda, Al Zahra, Al Ramla, Al Wadi",
        town_tails: "iya, ain, abad",
        town_sep: "",
        postcode: Postcode::None,
    },
    AddressSpec {
        key: "russian",
        country: "Russia",
        cc: "ru",
        roots: "Sadovaya, Lesnaya, Tsentralnaya, Shkolnaya, Sovetskaya, Molodezhnaya, \
            Polevaya, Novaya, Naberezhnaya, Zarechnaya, Lugovaya, Rabochaya, Mira, Pushkina, \
            Gagarina, Lenina",
        kinds: &[
            ("ulitsa {}", "ul. {}"),
            ("ulitsa {}", "ul {}"),
            ("prospekt {}", "pr-t {}"),
            ("pereulok {}", "per. {}"),
        ],
        at: NumberAt::AfterComma,
        town_heads: "Novo, Staro, Krasno, Belo, Zeleno, Solnechno, Verkhne, Nizhne",
        town_tails: "gorsk, ozersk, dolsk, yarsk, grad, pol",
        town_sep: "",
        postcode: Postcode::Digits(6),
    },
    AddressSpec {
        key: "greek",
        country: "Greece",
        cc: "gr",
        roots: "Ermou, Athinas, Solonos, Kolokotroni, Pindou, Olympou, Agiou Nikolaou, \
            Dimokratias, Eleftheriou, Thessalonikis, Kyprou, Irinis, Anthemon, Ippokratous",
        kinds: &[
            ("{}", "{}"),
            ("Odos {}", "Od. {}"),
            ("Leoforos {}", "Leof. {}"),
            ("Plateia {}", "Pl. {}"),
        ],
        at: NumberAt::After,
        town_heads: "Agia, Neo, Palaio, Kato, Ano",
        town_tails: "Chorio, Kastro, Pyrgos, Limani, Vrysi, Kampos",
        town_sep: " ",
        postcode: Postcode::Split,
    },
];

fn items(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split(',').map(str::trim).filter(|x| !x.is_empty())
}

struct Town {
    name: String,
    /// Postcodes of the locality (one to three).
    codes: Vec<String>,
}

struct Place {
    spec: &'static AddressSpec,
    roots: Vec<&'static str>,
    towns: Vec<Town>,
    /// Cumulative Zipf weights of the towns: a few large, many small.
    cdf: Vec<f64>,
}

/// A stable 64-bit mix (SplitMix64), so that a locality keeps its postcodes whatever the seed.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn postcode(kind: Postcode, h: u64) -> String {
    let digits = |n: u32| {
        let lo = 10u64.pow(n - 1);
        lo + h % (9 * lo)
    };
    match kind {
        Postcode::Digits(n) => digits(n as u32).to_string(),
        Postcode::Polish => {
            let v = digits(5);
            format!("{:02}-{:03}", v / 1000, v % 1000)
        }
        Postcode::Dutch => {
            let letters = b"ABCEGHJKLMNPRTVWXZ";
            let l = |k: u64| char::from(letters[(h >> k) as usize % letters.len()]);
            format!("{} {}{}", 1000 + h % 9000, l(20), l(28))
        }
        Postcode::Split => {
            let v = digits(5);
            format!("{:03} {:02}", v / 100, v % 100)
        }
        Postcode::None => String::new(),
    }
}

fn places() -> &'static HashMap<&'static str, Place> {
    static PLACES: OnceLock<HashMap<&'static str, Place>> = OnceLock::new();
    PLACES.get_or_init(|| {
        let mut map = HashMap::new();
        for (si, spec) in ADDRESSES.iter().enumerate() {
            let mut towns = Vec::new();
            for h in items(spec.town_heads) {
                for t in items(spec.town_tails) {
                    let name = format!("{h}{}{t}", spec.town_sep);
                    let i = towns.len() as u64;
                    let seed = mix(((si as u64) << 32) | i);
                    let n = 1 + seed % 3;
                    let codes = (0..n)
                        .map(|k| postcode(spec.postcode, mix(seed ^ (k + 1))))
                        .collect();
                    towns.push(Town { name, codes });
                }
            }
            // Big and small towns in a fixed order that does not follow the heads.
            let mut order = Rng::with_seed(0x0074_6f77_6e73 ^ si as u64);
            order.shuffle(&mut towns);
            let mut acc = 0.0;
            let cdf = (0..towns.len())
                .map(|r| {
                    acc += 1.0 / (r as f64 + 3.0);
                    acc
                })
                .collect();
            map.insert(
                spec.key,
                Place {
                    spec,
                    roots: items(spec.roots).collect(),
                    towns,
                    cdf,
                },
            );
        }
        map
    })
}

/// A home address for a person of culture `key`.
fn home(key: &str, rng: &mut Rng) -> Home {
    let Some(pl) = places().get(key) else {
        return Home {
            number: 1,
            street: String::new(),
            abbreviated: String::new(),
            at: NumberAt::Before,
            postcode: String::new(),
            locality: String::new(),
            country: "",
            cc: "",
        };
    };
    let root = *pick(rng, &pl.roots);
    let (full, abbr) = *pick(rng, pl.spec.kinds);
    let x = rng.f64() * pl.cdf.last().copied().unwrap_or(0.0);
    let ti = pl.cdf.partition_point(|&c| c <= x).min(pl.towns.len() - 1);
    let town = &pl.towns[ti];
    // House numbers: small ones are the most common.
    let u = rng.f64();
    Home {
        number: 1 + (u * u * 240.0) as u32,
        street: full.replace("{}", root),
        abbreviated: abbr.replace("{}", root),
        at: pl.spec.at,
        postcode: pick(rng, &town.codes).clone(),
        locality: town.name.clone(),
        country: pl.spec.country,
        cc: pl.spec.cc,
    }
}

// ---------------------------------------------------------------------------------------------
// Corruption

/// Letters next to each letter on a QWERTY keyboard, the usual source of substitutions.
fn neighbours(c: char) -> &'static str {
    match c.to_ascii_lowercase() {
        'a' => "qwsz",
        'b' => "vghn",
        'c' => "xdfv",
        'd' => "serfcx",
        'e' => "wsdr",
        'f' => "drtgvc",
        'g' => "ftyhbv",
        'h' => "gyujnb",
        'i' => "ujko",
        'j' => "huikmn",
        'k' => "jiolm",
        'l' => "kop",
        'm' => "njk",
        'n' => "bhjm",
        'o' => "iklp",
        'p' => "ol",
        'q' => "wa",
        'r' => "edft",
        's' => "awedxz",
        't' => "rfgy",
        'u' => "yhji",
        'v' => "cfgb",
        'w' => "qase",
        'x' => "zsdc",
        'y' => "tghu",
        'z' => "asx",
        _ => "",
    }
}

/// `k` edits of `s` (substitution by a keyboard neighbour, deletion, insertion, transposition
/// of two different adjacent letters), mostly after the first letter. Short strings are kept.
pub fn typo_edits(s: &str, k: usize, rng: &mut Rng) -> String {
    if s.chars().count() < 3 {
        return s.to_string();
    }
    // Two edits can undo each other (a transposition twice): draw again.
    for _ in 0..8 {
        let t = edits(s, k, rng);
        if t != s {
            return t;
        }
    }
    s.to_string()
}

fn edits(s: &str, k: usize, rng: &mut Rng) -> String {
    let mut cs: Vec<char> = s.chars().collect();
    for _ in 0..k {
        let n = cs.len();
        let i = if chance(rng, rate::FIRST_LETTER) {
            0
        } else {
            rng.usize(1..n)
        };
        let near = neighbours(cs[i]);
        match rng.u8(..4) {
            0 if !near.is_empty() => {
                let mut c = near.chars().nth(rng.usize(..near.len())).unwrap_or('e');
                if cs[i].is_uppercase() {
                    c = c.to_ascii_uppercase();
                }
                cs[i] = c;
            }
            1 if i + 1 < n && cs[i] != cs[i + 1] => cs.swap(i, i + 1),
            2 => {
                // A neighbour (or the letter itself) typed after it.
                let c = near
                    .chars()
                    .nth(rng.usize(..near.len().max(1)))
                    .unwrap_or(cs[i]);
                cs.insert(i + 1, c);
            }
            _ if n > 3 => {
                cs.remove(i);
            }
            _ => cs.insert(i, cs[i]),
        }
    }
    cs.into_iter().collect()
}

/// A space inside a word of at least four letters: `davi d`.
pub fn space_inside(s: &str, rng: &mut Rng) -> String {
    let mut cs: Vec<char> = s.chars().collect();
    if cs.len() < 4 {
        return s.to_string();
    }
    let i = rng.usize(1..cs.len() - 1);
    if cs[i].is_whitespace() || cs[i - 1].is_whitespace() {
        return s.to_string();
    }
    cs.insert(i, ' ');
    cs.into_iter().collect()
}

/// One digit of a postcode changed, or two adjacent digits swapped.
pub fn digit_slip(s: &str, rng: &mut Rng) -> String {
    let mut cs: Vec<char> = s.chars().collect();
    let digits: Vec<usize> = (0..cs.len()).filter(|&i| cs[i].is_ascii_digit()).collect();
    if digits.len() < 2 {
        return s.to_string();
    }
    let i = *pick(rng, &digits);
    if rng.bool() && i + 1 < cs.len() && cs[i + 1].is_ascii_digit() && cs[i] != cs[i + 1] {
        cs.swap(i, i + 1);
    } else {
        let old = cs[i];
        while cs[i] == old {
            cs[i] = char::from(b'0' + rng.u8(..10));
        }
    }
    cs.into_iter().collect()
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// One digit of `YYYYMMDD` changed (the year's last two, the month's or the day's), keeping a
/// valid date; the date itself when no slip gives one.
pub fn date_slip(b: (i64, u32, u32), rng: &mut Rng) -> (i64, u32, u32) {
    let s = format!("{:04}{:02}{:02}", b.0, b.1, b.2);
    for _ in 0..20 {
        let mut cs: Vec<u8> = s.bytes().collect();
        let i = 2 + rng.usize(..6);
        let old = cs[i];
        cs[i] = b'0' + rng.u8(..10);
        if cs[i] == old {
            continue;
        }
        let t = String::from_utf8_lossy(&cs).into_owned();
        let (Ok(y), Ok(m), Ok(d)) = (t[..4].parse(), t[4..6].parse(), t[6..].parse()) else {
            continue;
        };
        if (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m) && (1900..2026).contains(&y)
        {
            return (y, m, d);
        }
    }
    b
}

// ---------------------------------------------------------------------------------------------
// Handles

/// A handle by one of the wide variant's habits.
fn handle(p: &Person, rng: &mut Rng) -> String {
    let g = ascii_key(p.given());
    let f = ascii_key(p.family());
    if g.is_empty() || f.is_empty() {
        return format!("{g}{f}{}", rng.u32(10..10_000));
    }
    let g1 = &g[..1];
    let cut = |n: usize| &f[..f.len().min(n)];
    let digits = |rng: &mut Rng| match (p.birthday, rng.u8(..3)) {
        (Some((y, _, _)), 0) => format!("{:02}", y % 100),
        (Some((y, _, _)), 1) => y.to_string(),
        _ => rng.u32(1..10_000).to_string(),
    };
    let sep = |rng: &mut Rng| *pick(rng, &["", ".", "_"]);
    match rng.u8(..5) {
        // Given name + start of the family name: michellesm, michelle.smi
        0 => {
            let n = rng.usize(2..5);
            let s = sep(rng);
            format!("{g}{s}{}", cut(n))
        }
        // Given name + digits: michelle1827, michelle_88
        1 => {
            let s = *pick(rng, &["", "", "_", "."]);
            format!("{g}{s}{}", digits(rng))
        }
        // The whole name with a separator, either order: michelle_smith, smith.michelle
        2 => {
            let s = *pick(rng, &[".", "_"]);
            if rng.bool() {
                format!("{g}{s}{f}")
            } else {
                format!("{f}{s}{g}")
            }
        }
        // Family name + initial: smithm, smith.m, m_smith
        3 => match rng.u8(..3) {
            0 => format!("{f}{g1}"),
            1 => format!("{f}.{g1}"),
            _ => format!("{g1}_{f}"),
        },
        // A nickname (from the table or outside it) + the family name: bobsmith, bob.smith
        _ => {
            let nick = match (p.alt_nick, p.nicks()) {
                (Some(a), _) if rng.bool() => ascii_key(a),
                (_, ns) if !ns.is_empty() => ascii_key(pick::<&str>(rng, ns)),
                _ => g.clone(),
            };
            let s = sep(rng);
            format!("{nick}{s}{f}")
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Nicknames outside rolo's table

/// Diminutives and spellings people go by that `src/normalize/nicknames.txt` does not list
/// (checked by the test below), per culture: `Canonical=Form/Form`.
static OFF_TABLE: &[(&str, &str)] = &[
    (
        "english",
        "Michael=Micheal, David=Davo, Thomas=Tommo/Tommie, Daniel=Danno, Anthony=Ant, \
        Joseph=Jojo, Jonathan=Jono, Jennifer=Jenna, Rebecca=Rebekah, Michelle=Michele, \
        Stephanie=Steffie, Deborah=Debs, Eleanor=Elle, Megan=Meagan",
    ),
    (
        "german",
        "Michael=Michi, Katharina=Kati/Trina, Sabine=Biene, Christian=Chrissi, Dominik=Domi",
    ),
    (
        "spanish",
        "Francisco=Quico, Manuel=Lolo, Fernando=Fer, Carmen=Mamen/Carmela, María=Mari/Maruja",
    ),
    (
        "french",
        "Nicolas=Colas, Christophe=Totophe, Pierre=Pierrot, François=Fanfan, Catherine=Cath, \
        Isabelle=Babette, Christine=Titine, Nathalie=Natou, Sylvie=Syl",
    ),
    (
        "polish",
        "Krzysztof=Krzysio, Tomasz=Tomuś, Paweł=Pawełek, Michał=Michałek/Misiek, Anna=Anusia, \
        Małgorzata=Gośka/Małgośka",
    ),
    (
        "dutch",
        "Johannes=Joop, Jacobus=Sjaak, Willem=Pim, Hendrik=Henkie",
    ),
    (
        "scandinavian",
        "Mikael=Mika, Erik=Ecke, Kristina=Kicki, Birgitta=Gittan/Bitte",
    ),
    (
        "slovene",
        "Janez=Jani, Jožef=Joži, Franc=Francelj, Marko=Markec, Matej=Mato, Barbara=Barbi/Babi, \
        Špela=Špelca, Urška=Urši",
    ),
    (
        "indian",
        "Rajesh=Rajji, Aditya=Adit, Suresh=Suri, Priya=Priyu, Deepika=Dipika, Kavya=Kavi",
    ),
    (
        "arabic",
        "Mohammed=Hamoudi/Mido, Ahmed=Hamada, Mahmoud=Mahmood, Fatima=Fati, Layla=Lyla, Noor=Nur",
    ),
    ("russian", "Andrey=Andryusha"),
    (
        "greek",
        "Georgios=Yorgos, Konstantinos=Kostis, Ioannis=Yannis",
    ),
];

type OffTable = HashMap<(&'static str, &'static str), Vec<&'static str>>;

fn off_table_map() -> &'static OffTable {
    static MAP: OnceLock<OffTable> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for (culture, list) in OFF_TABLE {
            for e in items(list) {
                if let Some((g, forms)) = e.split_once('=') {
                    m.insert((*culture, g), forms.split('/').collect());
                }
            }
        }
        m
    })
}

/// The off-table forms of a culture's given name.
fn off_table(culture: &'static str, given: &'static str) -> &'static [&'static str] {
    off_table_map()
        .get(&(culture, given))
        .map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rolo::normalize::keys::{fold, nickname_groups, same_given_name};

    #[test]
    fn off_table_forms_are_outside_the_table() {
        let cultures = super::super::names::cultures();
        let mut bad = Vec::new();
        for ((culture, given), forms) in off_table_map() {
            let Some(c) = cultures.iter().find(|c| c.key == *culture) else {
                bad.push(format!("no culture {culture}"));
                continue;
            };
            if !c.given.iter().any(|g| g.0 == *given) {
                bad.push(format!("{given} is not a given name of {culture}"));
            }
            if off_table(culture, given).is_empty() {
                bad.push(format!("lookup of {culture} {given}"));
            }
            for f in forms {
                let k = fold(f);
                if !nickname_groups(&k).is_empty() || same_given_name(&k, &fold(given)) {
                    bad.push(format!("{f} ({given}) is in rolo's nickname table"));
                }
                if cultures
                    .iter()
                    .any(|c| c.given.iter().any(|g| fold(g.0) == k))
                {
                    bad.push(format!("{f} ({given}) is a given name of the generator"));
                }
            }
        }
        bad.sort();
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn every_culture_has_addresses() {
        let mut rng = Rng::with_seed(1);
        for c in super::super::names::cultures() {
            let h = home(c.key, &mut rng);
            assert!(!h.street.is_empty() && !h.locality.is_empty(), "{}", c.key);
            assert!(!h.country.is_empty(), "{}", c.key);
            assert!(c.key == "arabic" || !h.postcode.is_empty(), "{}", c.key);
        }
        assert_eq!(postcode(Postcode::Polish, 12_345), "22-345");
        assert_eq!(postcode(Postcode::Split, 12_345), "223 45");
        assert_eq!(postcode(Postcode::Digits(4), 5), "1005");
    }

    fn edit_distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1];
            for (j, cb) in b.iter().enumerate() {
                cur.push(
                    (prev[j + 1] + 1)
                        .min(cur[j] + 1)
                        .min(prev[j] + usize::from(ca != cb)),
                );
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn corruption_stays_small() {
        let mut rng = Rng::with_seed(7);
        for _ in 0..2000 {
            for (s, k) in [("Michelle", 1), ("Kowalski", 2), ("Lindenstraße", 1)] {
                let t = typo_edits(s, k, &mut rng);
                // A transposition is two Levenshtein edits.
                let d = edit_distance(s, &t);
                assert!(d >= 1 && d <= 2 * k, "{s} -> {t}");
            }
            let s = space_inside("David", &mut rng);
            assert_eq!(s.replace(' ', ""), "David");
            let p = digit_slip("10439", &mut rng);
            assert_eq!(p.len(), 5);
            assert_ne!(p, "10439");
            let (y, m, d) = date_slip((1984, 7, 21), &mut rng);
            let diff = format!("{y:04}{m:02}{d:02}")
                .bytes()
                .zip("19840721".bytes())
                .filter(|(a, b)| a != b)
                .count();
            assert_eq!(diff, 1, "{y}-{m}-{d}");
            assert!(d <= days_in_month(y, m));
        }
    }
}
