//! Exact money: decimals rounded to cents, half away from zero, never "-0.00".

use rust_decimal::{Decimal, RoundingStrategy};

/// Digits kept for money amounts.
pub const MONEY_SCALE: u32 = 2;

/// Rounds an amount to cents, half away from zero, as DOMAIN.md requires.
///
/// A result of zero is always positive zero, so no document prints "-0.00".
pub fn round_money(amount: Decimal) -> Decimal {
    let mut rounded =
        amount.round_dp_with_strategy(MONEY_SCALE, RoundingStrategy::MidpointAwayFromZero);
    if rounded.is_zero() {
        rounded = Decimal::ZERO;
    }
    rounded.rescale(MONEY_SCALE);
    rounded
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn half_a_cent_rounds_away_from_zero() {
        assert_eq!(round_money(dec("0.005")), dec("0.01"));
        assert_eq!(round_money(dec("-0.005")), dec("-0.01"));
        assert_eq!(round_money(dec("2.675")), dec("2.68"));
        assert_eq!(round_money(dec("0.0049")), dec("0.00"));
    }

    #[test]
    fn zero_never_prints_negative() {
        assert_eq!(round_money(dec("-0.001")).to_string(), "0.00");
        assert_eq!(round_money(dec("-0")).to_string(), "0.00");
    }

    #[test]
    fn worked_example_amounts() {
        // DOMAIN.md: C2 85.50 × 2,450.75 and estimate 1's C1 60.25 × 185.50.
        assert_eq!(round_money(dec("85.50") * dec("2450.75")), dec("209539.13"));
        assert_eq!(round_money(dec("60.25") * dec("185.50")), dec("11176.38"));
    }

    proptest! {
        #[test]
        fn rounding_is_within_half_a_cent(
            units in -10_000_000_000i64..10_000_000_000,
            scale in 0u32..6,
        ) {
            let amount = Decimal::new(units, scale);
            let rounded = round_money(amount);
            prop_assert!((rounded - amount).abs() <= dec("0.005"));
            prop_assert_eq!(rounded.scale(), MONEY_SCALE);
        }
    }
}
