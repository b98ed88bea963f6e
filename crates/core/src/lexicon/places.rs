//! Countries and world regions by the names news copy gives them (English, with the Spanish
//! names where they differ): a name in this list is a place, whatever its sentence does with it.
//! Cities are not listed: the framing analysis takes a single capitalised word after "in",
//! "from" or "to" for a place instead.

/// Lower-case names, sorted (a test keeps them so).
#[rustfmt::skip]
const COUNTRIES: &[&str] = &[
    "afganistán", "afghanistan", "africa", "albania", "alemania", "algeria", "america", "americas",
    "andorra", "angola", "antigua and barbuda", "arabia saudita", "argentina", "armenia", "asia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados",
    "belarus", "belgium", "belice", "belize", "benin", "bhutan", "bolivia", "bosnia",
    "bosnia and herzegovina", "botswana", "brasil", "brazil", "britain", "brunei", "bulgaria",
    "burkina faso", "burundi", "cabo verde", "cambodia", "cameroon", "canada", "canadá",
    "caribbean", "central african republic", "central america", "chad", "chile", "china",
    "colombia", "comoros", "congo", "costa rica", "croatia", "cuba", "cyprus", "czech republic",
    "czechia", "denmark", "djibouti", "dominica", "dominican republic", "east timor", "ecuador",
    "egipto", "egypt", "el salvador", "england", "equatorial guinea", "eritrea", "españa",
    "estados unidos", "estonia", "eswatini", "ethiopia", "eu", "europa", "europe", "fiji",
    "finland", "france", "francia", "gabon", "gambia", "gaza", "georgia", "germany", "ghana",
    "great britain", "greece", "grenada", "guatemala", "guinea", "guinea-bissau", "guyana",
    "haiti", "haití", "honduras", "hong kong", "hungary", "iceland", "india", "indonesia", "iran",
    "iraq", "ireland", "israel", "italia", "italy", "ivory coast", "jamaica", "japan", "japón",
    "jordan", "kazakhstan", "kenya", "kiribati", "kosovo", "kuwait", "kyrgyzstan", "laos",
    "latin america", "latinoamérica", "latvia", "lebanon", "lesotho", "liberia", "libya",
    "liechtenstein", "lithuania", "luxembourg", "madagascar", "malawi", "malaysia", "maldives",
    "mali", "malta", "marshall islands", "mauritania", "mauritius", "mexico", "micronesia",
    "middle east", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique",
    "myanmar", "méxico", "namibia", "nauru", "nepal", "netherlands", "new zealand", "nicaragua",
    "niger", "nigeria", "north america", "north korea", "north macedonia", "northern ireland",
    "norway", "oman", "pakistan", "palau", "palestine", "panama", "panamá", "papua new guinea",
    "paraguay", "persian gulf", "peru", "perú", "philippines", "poland", "portugal", "puerto rico",
    "qatar", "reino unido", "romania", "rusia", "russia", "rwanda", "saint kitts and nevis",
    "saint lucia", "saint vincent and the grenadines", "samoa", "san marino", "saudi arabia",
    "scotland", "senegal", "serbia", "seychelles", "sierra leone", "singapore", "slovakia",
    "slovenia", "solomon islands", "somalia", "south africa", "south america", "south korea",
    "south sudan", "spain", "sri lanka", "sudan", "suriname", "sweden", "switzerland", "syria",
    "taiwan", "tajikistan", "tanzania", "thailand", "timor-leste", "togo", "tonga", "trinidad",
    "trinidad and tobago", "tunisia", "turkey", "turkmenistan", "tuvalu", "türkiye", "u.k", "u.s",
    "u.s.a", "uganda", "uk", "ukraine", "ukrania", "united arab emirates", "united kingdom",
    "united states", "united states of america", "uruguay", "us", "usa", "uzbekistan", "vanuatu",
    "vatican", "venezuela", "vietnam", "wales", "west bank", "yemen", "zambia", "zimbabwe",
];

/// Whether a lower-case name (words joined by single spaces) is a country or region.
pub(crate) fn is_country(lower: &str) -> bool {
    COUNTRIES.binary_search(&lower).is_ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn countries_stay_sorted() {
        assert!(
            super::COUNTRIES.windows(2).all(|w| w[0] < w[1]),
            "{:?}",
            super::COUNTRIES.windows(2).find(|w| w[0] >= w[1])
        );
    }
}
