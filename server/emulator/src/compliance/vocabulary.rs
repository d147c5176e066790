//! Word lists for the seeded registers: made-up businesses, places, people, reasons, acquirers.

/// The name every listing of the re-registration family sounds like.
pub const FAMILY_NAME: &str = "Nordic Vape Supply";
pub const FAMILY: [(&str, &str); 6] = [
    ("Nordic Vape Supply AS", "NOR"),
    ("Nordik Vape Supply AB", "SWE"),
    ("Nordic Vape Suply Ltd", "GBR"),
    ("Nordyc Vape Supply Oy", "FIN"),
    ("Nordic Waipe Supply ApS", "DNK"),
    ("Nordick Vape Supplie GmbH", "DEU"),
];

pub const PREFIXES: [&str; 16] = [
    "Polar", "Fjord", "Viking", "Aurora", "Arctic", "Baltic", "Atlantic", "Hanse", "Skagen", "Lapland", "Thames",
    "Rhine", "Hudson", "Maple", "Harbour", "Granite",
];
pub const TRADES: [(&str, &str); 16] = [
    ("Gadget Outlet", "5732"),
    ("Ticket Exchange", "7922"),
    ("Supplements", "5499"),
    ("Crypto Exchange", "6051"),
    ("Travel Deals", "4722"),
    ("Designer Outlet", "5651"),
    ("Phone Repair", "7622"),
    ("Auto Parts", "5533"),
    ("Pharmacy Online", "5912"),
    ("Gift Cards", "5947"),
    ("Furniture Import", "5712"),
    ("Dating Club", "7273"),
    ("Fitness Gear", "5941"),
    ("Betting Tips", "7995"),
    ("Solar Panels", "5065"),
    ("Luxury Watches", "5944"),
];
/// (alpha-3, alpha-2, city, street, postal code, phone prefix, legal suffix)
pub const PLACES: [(&str, &str, &str, &str, &str, &str, &str); 13] = [
    ("NOR", "NO", "Oslo", "Akersgata", "0158", "+47", "AS"),
    ("NOR", "NO", "Bergen", "Nygårdsgaten", "5015", "+47", "AS"),
    ("SWE", "SE", "Stockholm", "Hornsgatan", "118 20", "+46", "AB"),
    ("SWE", "SE", "Malmö", "Södra Förstadsgatan", "211 43", "+46", "AB"),
    ("DNK", "DK", "København", "Vesterbrogade", "1620", "+45", "ApS"),
    ("FIN", "FI", "Helsinki", "Mannerheimintie", "00100", "+358", "Oy"),
    ("DEU", "DE", "Hamburg", "Reeperbahn", "20359", "+49", "GmbH"),
    ("GBR", "GB", "London", "Commercial Road", "E1 1LA", "+44", "Ltd"),
    ("NLD", "NL", "Rotterdam", "Coolsingel", "3011 AD", "+31", "B.V."),
    ("EST", "EE", "Tallinn", "Narva mnt", "10117", "+372", "OÜ"),
    ("USA", "US", "Miami", "Biscayne Blvd", "33132", "+1", "LLC"),
    ("CAN", "CA", "Toronto", "Yonge Street", "M5B 2H1", "+1", "Inc"),
    ("ARE", "AE", "Dubai", "Sheikh Zayed Road", "00000", "+971", "FZE"),
];
pub const FIRST: [&str; 16] = [
    "Morten", "Henrik", "Lars", "Anne", "Jens", "Mikko", "Kalle", "John", "Maria", "Thomas", "Piotr", "Lukas", "Sanna",
    "Freya", "Dmitri", "Ahmed",
];
pub const LAST: [&str; 16] = [
    "Kristensen",
    "Virtanen",
    "Smith",
    "Müller",
    "Kowalski",
    "Jensen",
    "Pedersen",
    "Lindberg",
    "Korhonen",
    "Schmidt",
    "Brown",
    "Novak",
    "Tamm",
    "de Vries",
    "Ivanov",
    "Rahman",
];
/// Mastercard reason → a comment an acquirer might write.
pub const COMMENTS: [(&str, &str); 17] = [
    ("00", "Under investigation for suspicious sales patterns"),
    ("01", "Card data compromise at the point of sale"),
    ("02", "Common point of purchase for counterfeit cards"),
    ("03", "Processed sales for undisclosed web shops"),
    ("04", "Chargeback ratio above 3 % for three months"),
    ("05", "Fraud-to-sales ratio far above the threshold"),
    ("06", "Coerced by a third party into processing"),
    ("08", "Flagged by Mastercard's questionable merchant audit"),
    ("09", "Declared bankrupt"),
    ("10", "Repeated violations of the scheme rules"),
    ("11", "Colluded with a terminated merchant"),
    ("12", "Did not complete PCI DSS validation"),
    ("13", "Sold prohibited goods"),
    ("14", "Onboarded with a stolen identity"),
    ("20", "Terminated for reason 20"),
    ("21", "Terminated for reason 21"),
    ("24", "Terminated for reason 24"),
];
/// VMSS listing reasons (29 and 34 from the reference; the others made up, INF).
pub const VMSS_REASONS: [&str; 8] = [
    "29-Bankruptcy/Liquidation/Insolvency",
    "34-Merchant Identity Theft",
    "21-Excessive Fraud",
    "22-Excessive Disputes",
    "23-Transaction Laundering",
    "25-Illegal Transactions",
    "27-Account Data Compromise",
    "31-Violation of Visa Rules",
];
/// Other acquirers listing on VMSS: (BID, name, country).
pub const VMSS_ACQUIRERS: [(&str, &str, &str); 5] = [
    ("10052231", "Fjordbank Acquiring", "NO"),
    ("10061870", "Svea Merchant Services", "SE"),
    ("10070415", "Dansk Indløsning", "DK"),
    ("10083302", "Baltic Card Acquiring", "EE"),
    ("10090077", "Thames Merchant Bank", "GB"),
];
