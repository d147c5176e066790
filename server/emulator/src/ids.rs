//! Identifiers of the seeded world: UUIDs and Norwegian and Swedish organisation numbers (check
//! digits holding) drawn from the seeded generator, so the same seed makes the same ones; and the
//! sellers every merchant has, which every area that seeds something per seller agrees on.

use rand::rngs::StdRng;
use rand::Rng;

/// A random UUID v4 drawn from the seeded generator, so ids are the same for the same seed.
pub fn uuid_from(rng: &mut StdRng) -> String {
    uuid::Builder::from_random_bytes(rng.random()).into_uuid().to_string()
}

/// A nine-digit Norwegian organisation number whose mod-11 check digit holds.
pub fn norwegian_org_number(rng: &mut StdRng) -> String {
    const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    loop {
        let mut digits: Vec<u32> = vec![rng.random_range(8..=9)];
        digits.extend((0..7).map(|_| rng.random_range(0..=9)));
        let sum: u32 = digits.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
        let check = match 11 - sum % 11 {
            11 => 0,
            10 => continue,
            c => c,
        };
        digits.push(check);
        return digits.iter().map(|d| char::from_digit(*d, 10).unwrap_or('0')).collect();
    }
}

/// A ten-digit Swedish organisation number (`556xxx-xxxx`, an aktiebolag) whose Luhn check holds.
pub fn swedish_org_number(rng: &mut StdRng) -> String {
    let mut digits: Vec<u32> = vec![5, 5, 6];
    digits.extend((0..6).map(|_| rng.random_range(0..=9)));
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                let x = d * 2;
                x / 10 + x % 10
            } else {
                *d
            }
        })
        .sum();
    digits.push((10 - sum % 10) % 10);
    let s: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap_or('0')).collect();
    format!("{}-{}", &s[..6], &s[6..])
}

/// The payout destinations (sellers) a merchant has: `PD001`, `PD002`... Every area that seeds
/// something per seller (seller approvals, balances, transfers, settlements by seller) uses this,
/// so they agree. Every other merchant has none; the rest have one to four.
pub fn seller_ids(aid: &str) -> Vec<String> {
    let n: usize = aid.get(1..).and_then(|d| d.parse().ok()).unwrap_or(0);
    let count = if n % 2 == 1 { 0 } else { 1 + (n / 2) % 4 };
    (1..=count).map(|i| format!("PD{i:03}")).collect()
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn organisation_numbers_pass_mod_11() {
        let mut rng = StdRng::seed_from_u64(1);
        for _ in 0..200 {
            let n = norwegian_org_number(&mut rng);
            let d: Vec<u32> = n.chars().map(|c| c.to_digit(10).unwrap()).collect();
            let sum: u32 = d[..8].iter().zip([3, 2, 7, 6, 5, 4, 3, 2]).map(|(a, b)| a * b).sum();
            assert_eq!((sum + d[8]) % 11, 0, "{n}");
        }
    }

    #[test]
    fn swedish_organisation_numbers_pass_luhn() {
        let mut rng = StdRng::seed_from_u64(2);
        for _ in 0..200 {
            let n = swedish_org_number(&mut rng);
            assert_eq!(n.len(), 11, "{n}");
            let d: Vec<u32> = n.chars().filter_map(|c| c.to_digit(10)).collect();
            let sum: u32 = d
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    if i % 2 == 0 {
                        let y = x * 2;
                        y / 10 + y % 10
                    } else {
                        *x
                    }
                })
                .sum();
            assert_eq!(sum % 10, 0, "{n}");
        }
    }
}
