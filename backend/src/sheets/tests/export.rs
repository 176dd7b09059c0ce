//! The exports: the catalog must read back through the importer unchanged, and the
//! statement must hold the figures it was given.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use shared::dto::{
    RetentionAmount, RetentionBase, RetentionKind, Statement, StatementLine, StatementTotals,
    TieOut,
};

use super::super::statement_workbook;
use super::super::{CatalogExportRow, StatementHeading, catalog_workbook, read_concepts};
use super::{dec, parsed};

fn concept(
    code: &str,
    description: &str,
    unit: &str,
    quantity: &str,
    price: &str,
) -> CatalogExportRow {
    CatalogExportRow {
        code: code.to_owned(),
        description: description.to_owned(),
        unit: unit.to_owned(),
        quantity: dec(quantity),
        unit_price: dec(price),
    }
}

fn sheet(bytes: Vec<u8>, name: &str) -> Range<Data> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    workbook.worksheet_range(name).unwrap()
}

#[test]
fn the_exported_catalog_reads_back_unchanged() {
    let concepts = [
        concept(
            "007",
            "Señalamiento con pintura de ½\" en 2 m²",
            "m2",
            "2.675",
            "1234567.89",
        ),
        concept("A-10", "Relleno compactado", "M3", "0.0001", "0.01"),
        concept("B1", "Limpieza", "lote", "1", "0"),
    ];

    let bytes = catalog_workbook("Rehabilitación de la calle Hidalgo", &concepts).unwrap();
    let sheet = read_concepts(&bytes, "catalogo.xlsx").unwrap();

    assert_eq!(sheet.sheet, "Catálogo");
    assert_eq!(sheet.header_row, 3);
    assert!(sheet.has_quantity_column);
    let read: Vec<CatalogExportRow> = sheet
        .rows
        .iter()
        .map(|row| {
            let values = parsed(row);
            CatalogExportRow {
                code: values.code.clone(),
                description: values.description.clone(),
                unit: values.unit.clone(),
                quantity: values.quantity,
                unit_price: values.unit_price,
            }
        })
        .collect();
    assert_eq!(read, concepts);
}

#[test]
fn the_exported_catalog_has_amounts_as_formulas_with_their_value() {
    let concepts = [concept("007", "Excavación", "m3", "2.675", "48.35")];

    let bytes = catalog_workbook("Calle Hidalgo", &concepts).unwrap();
    let cells = sheet(bytes, "Catálogo");

    assert_eq!(
        cells.get_value((0, 0)),
        Some(&Data::String("Calle Hidalgo".into()))
    );
    assert_eq!(cells.get_value((3, 0)), Some(&Data::String("007".into())));
    // 2.675 × 48.35 = 129.33625
    assert_eq!(cells.get_value((3, 5)), Some(&Data::Float(129.34)));
}

fn line(code: &str, contracted: &str, price: &str, previous: &str, this: &str) -> StatementLine {
    let amount = |quantity: &str| (dec(quantity) * dec(price)).round_dp(2);
    let to_date = dec(previous) + dec(this);
    StatementLine {
        concept_id: 1,
        code: code.to_owned(),
        description: format!("Concepto {code}"),
        unit: "m3".to_owned(),
        contracted_quantity: dec(contracted),
        contracted_amount: amount(contracted),
        unit_price: dec(price),
        previous_quantity: dec(previous),
        previous_amount: amount(previous),
        this_quantity: dec(this),
        this_amount: amount(this),
        to_date_quantity: to_date,
        to_date_amount: amount(previous) + amount(this),
        pending_quantity: dec(contracted) - to_date,
        pending_amount: amount(contracted) - amount(previous) - amount(this),
        percent: Some(dec("50.00")),
        over_contract: false,
    }
}

fn statement() -> Statement {
    let lines = vec![
        line("007", "100", "62.75", "25", "25"),
        line("A-2", "10", "1500.00", "0", "5"),
    ];
    let retention = |name: &str, kind, value: &str, amount: &str| RetentionAmount {
        name: name.to_owned(),
        kind,
        base: RetentionBase::Gross,
        value: dec(value),
        amount: dec(amount),
    };
    let totals = StatementTotals {
        contracted: dec("21275.00"),
        previous: dec("1568.75"),
        this: dec("9068.75"),
        to_date: dec("10637.50"),
        gross: dec("9068.75"),
        amortization: dec("2720.63"),
        subtotal: dec("6348.12"),
        tax: dec("1015.70"),
        total: dec("7363.82"),
        retentions: vec![
            retention(
                "Fondo de garantía",
                RetentionKind::Percentage,
                "5.0000",
                "453.44",
            ),
            retention("Capacitación", RetentionKind::Fixed, "150.00", "150.00"),
        ],
        retentions_total: dec("603.44"),
        net: dec("6760.38"),
        advance: dec("6382.50"),
        amortized_to_date: dec("3191.25"),
    };
    let tie_out = TieOut {
        lines_foot: true,
        previous_matches_prior: Some(true),
        amortization_within_advance: true,
    };
    Statement {
        lines,
        totals,
        tie_out,
    }
}

#[test]
fn the_statement_workbook_holds_the_lines_and_the_net_to_pay() {
    let heading = StatementHeading {
        company: "Constructora del Valle".to_owned(),
        contract: "OP-042 — Calle Hidalgo".to_owned(),
        estimate: "Estimación 2".to_owned(),
        period: "1 al 15 de marzo de 2026".to_owned(),
    };

    let bytes = statement_workbook(&heading, &statement()).unwrap();
    let cells = sheet(bytes, "Estimación");

    let text = |row, column| cells.get_value((row, column)).cloned();
    assert_eq!(
        text(0, 0),
        Some(Data::String("Constructora del Valle".into()))
    );
    assert_eq!(text(7, 0), Some(Data::String("007".into())));
    assert_eq!(text(8, 0), Some(Data::String("A-2".into())));
    assert_eq!(text(8, 9), Some(Data::Float(7500.0)));

    let net_row = (0..cells.height() as u32)
        .find(|row| text(*row, 8) == Some(Data::String("Neto a pagar".into())))
        .expect("a row labelled Neto a pagar");
    assert_eq!(text(net_row, 9), Some(Data::Float(6760.38)));
    let retention_label = text(net_row - 3, 8);
    assert_eq!(
        retention_label,
        Some(Data::String("Fondo de garantía (5 %)".into()))
    );
}
