//! Word lists for believable Norwegian and Swedish merchants and people.

/// (first part, trade, legal suffix) building blocks per country.
pub const NO_PLACES: [&str; 16] = [
    "Grünerløkka",
    "Bryggen",
    "Tromsø",
    "Ålesund",
    "Bodø",
    "Lofoten",
    "Frogner",
    "Sandefjord",
    "Hønefoss",
    "Kragerø",
    "Røros",
    "Mjøsa",
    "Nordfjord",
    "Sørlandet",
    "Trøndelag",
    "Geilo",
];
pub const NO_TRADES: [(&str, &str, &str); 14] = [
    ("Bakeri", "5462", "bakery"),
    ("Kaffebar", "5814", "cafe"),
    ("Sykkelverksted", "5940", "bicycle shop"),
    ("Blomster", "5992", "florist"),
    ("Fiskehandel", "5499", "fishmonger"),
    ("Bokhandel", "5942", "bookshop"),
    ("Interiør", "5712", "interior design"),
    ("Sportsbutikk", "5941", "sporting goods"),
    ("Hudpleie", "7298", "skin care"),
    ("Gårdsutsalg", "5499", "farm shop"),
    ("Strikkebutikk", "5949", "yarn shop"),
    ("Reisebyrå", "4722", "travel agency"),
    ("Elektro", "5732", "electronics"),
    ("Brødrene Bryggeri", "5921", "brewery"),
];
pub const SE_PLACES: [&str; 14] = [
    "Södermalm",
    "Göteborg",
    "Malmö",
    "Uppsala",
    "Västerås",
    "Örebro",
    "Jönköping",
    "Umeå",
    "Luleå",
    "Lund",
    "Visby",
    "Åre",
    "Kiruna",
    "Norrköping",
];
pub const SE_TRADES: [(&str, &str, &str); 13] = [
    ("Bageri", "5462", "bakery"),
    ("Kafé", "5814", "cafe"),
    ("Cykelverkstad", "5940", "bicycle shop"),
    ("Blommor", "5992", "florist"),
    ("Fiskaffär", "5499", "fishmonger"),
    ("Bokhandel", "5942", "bookshop"),
    ("Inredning", "5712", "interior design"),
    ("Sportaffär", "5941", "sporting goods"),
    ("Hudvård", "7298", "skin care"),
    ("Gårdsbutik", "5499", "farm shop"),
    ("Garnbutik", "5949", "yarn shop"),
    ("Resebyrå", "4722", "travel agency"),
    ("Elektronik", "5732", "electronics"),
];
pub const NO_FIRST: [&str; 12] = [
    "Ingrid", "Ola", "Kari", "Håkon", "Solveig", "Bjørn", "Sigrid", "Øystein", "Åse", "Eirik", "Marte", "Jørgen",
];
pub const NO_LAST: [&str; 12] = [
    "Hansen", "Johansen", "Olsen", "Larsen", "Berg", "Haugen", "Dahl", "Sæther", "Lien", "Bakke", "Strøm", "Nilsen",
];
pub const SE_FIRST: [&str; 12] = [
    "Åsa", "Björn", "Elin", "Göran", "Linnéa", "Måns", "Sofia", "Oskar", "Märta", "Erik", "Saga", "Jöns",
];
pub const SE_LAST: [&str; 12] = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Lindqvist",
    "Söderberg",
    "Åkesson",
    "Berglund",
    "Öberg",
    "Lund",
    "Holm",
];
pub const NO_STREETS: [&str; 10] = [
    "Storgata",
    "Kirkegata",
    "Strandveien",
    "Bjørnstjerne Bjørnsons gate",
    "Sjøgata",
    "Markveien",
    "Øvre Slottsgate",
    "Torggata",
    "Løkkeveien",
    "Fjordgata",
];
pub const SE_STREETS: [&str; 10] = [
    "Storgatan",
    "Drottninggatan",
    "Kungsgatan",
    "Götgatan",
    "Sveavägen",
    "Östra Hamngatan",
    "Vasagatan",
    "Järnvägsgatan",
    "Skolgatan",
    "Åsgatan",
];
/// (postal code, postal place)
pub const NO_POSTAL: [(&str, &str); 10] = [
    ("0552", "Oslo"),
    ("5003", "Bergen"),
    ("7011", "Trondheim"),
    ("9008", "Tromsø"),
    ("6002", "Ålesund"),
    ("8006", "Bodø"),
    ("4006", "Stavanger"),
    ("3210", "Sandefjord"),
    ("7374", "Røros"),
    ("2317", "Hamar"),
];
pub const SE_POSTAL: [(&str, &str); 10] = [
    ("118 20", "Stockholm"),
    ("411 06", "Göteborg"),
    ("211 22", "Malmö"),
    ("753 20", "Uppsala"),
    ("722 15", "Västerås"),
    ("702 10", "Örebro"),
    ("553 20", "Jönköping"),
    ("903 26", "Umeå"),
    ("972 31", "Luleå"),
    ("621 57", "Visby"),
];
