//! The demo company's directory and contracts: a municipal street rehabilitation with its
//! real-looking 30-concept catalog, subcontracted two levels deep, and a water-line contract
//! whose figures are DOMAIN.md's worked example.

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Deserialize;
use shared::{AccessLevel, dto::CounterpartyKind};
use sqlx::{PgConnection, PgPool};

use crate::{
    auth::Tenant,
    db::{self, concepts, contracts},
};

/// The street catalog, as `shared/fixtures/catalogo-calle-hidalgo.expected.json` has it.
const CALLE_HIDALGO: &str = include_str!("demo/calle_hidalgo.json");

#[derive(Deserialize)]
struct DemoConcept {
    code: String,
    description: String,
    unit: String,
    quantity: Decimal,
    unit_price: Decimal,
}

/// Loads the directory and contracts into the demo company, in one transaction.
pub async fn seed_catalog(
    pool: &PgPool,
    director_email: &str,
    company: &str,
) -> anyhow::Result<()> {
    let (user_id, customer_id, company_id): (i64, i64, i64) = sqlx::query_as(
        "SELECT u.id, u.customer_id, c.id FROM users u
         JOIN companies c ON c.customer_id = u.customer_id AND c.name = $2
         WHERE lower(u.email) = lower($1)",
    )
    .bind(director_email)
    .bind(company)
    .fetch_one(pool)
    .await?;
    let tenant = Tenant {
        user_id,
        customer_id,
        company_id,
        level: AccessLevel::Director,
    };

    let mut tx = db::begin(pool, &tenant).await?;
    let mut directory = seed_directory(&mut tx, &tenant).await?;
    seed_street(&mut tx, &tenant, &mut directory).await?;
    seed_water_line(&mut tx, &tenant, &mut directory).await?;
    assign_field_staff(&mut tx, &tenant).await?;
    tx.commit().await?;
    Ok(())
}

/// The auxiliar and the coordinador work on the street contract and its subcontracts, so
/// that logging in as them shows what assignment means.
async fn assign_field_staff(tx: &mut PgConnection, tenant: &Tenant) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO contract_users (contract_id, user_id)
         SELECT c.id, u.id FROM contracts c, users u
         WHERE c.company_id = $1 AND c.code IN ('MQ-SOP-LP-014-2026', 'CH-SUB-003')
           AND u.email IN ('auxiliar@demo.construbot.mx', 'coordinador@demo.construbot.mx')
         ON CONFLICT DO NOTHING",
    )
    .bind(tenant.company_id)
    .execute(tx)
    .await?;
    Ok(())
}

/// Ids of the demo directory by name.
struct Directory {
    counterparties: HashMap<&'static str, i64>,
    sites: HashMap<&'static str, i64>,
    units: HashMap<String, i64>,
}

const COUNTERPARTIES: [(CounterpartyKind, &str, &str, &str); 5] = [
    (
        CounterpartyKind::Client,
        "Municipio de Querétaro",
        "Municipio de Santiago de Querétaro",
        "MSQ850101Q21",
    ),
    (
        CounterpartyKind::Client,
        "CEA Querétaro",
        "Comisión Estatal de Aguas de Querétaro",
        "CEA800101TL3",
    ),
    (
        CounterpartyKind::Subcontractor,
        "Pavimentos Asfálticos del Bajío",
        "Pavimentos Asfálticos del Bajío, S.A. de C.V.",
        "PAB120315HJ8",
    ),
    (
        CounterpartyKind::Subcontractor,
        "Señalamientos Viales Arteaga",
        "Señalamientos Viales Arteaga, S. de R.L. de C.V.",
        "SVA150622M41",
    ),
    (
        CounterpartyKind::PieceWorker,
        "José Luis Hernández Mora",
        "José Luis Hernández Mora",
        "HEMJ780412KD9",
    ),
];

async fn seed_directory(tx: &mut PgConnection, tenant: &Tenant) -> anyhow::Result<Directory> {
    let mut counterparties = HashMap::new();
    for (kind, name, legal_name, tax_id) in COUNTERPARTIES {
        let fields = db::counterparties::Fields {
            kind,
            name,
            legal_name,
            tax_id,
        };
        counterparties.insert(
            name,
            db::counterparties::insert(&mut *tx, tenant, &fields).await?,
        );
    }

    let municipio = counterparties["Municipio de Querétaro"];
    let cea = counterparties["CEA Querétaro"];
    let mut sites = HashMap::new();
    for (client, name, address) in [
        (
            municipio,
            "Calle Hidalgo, Centro Histórico",
            "Calle Hidalgo entre Zaragoza y Madero, Centro, 76000 Santiago de Querétaro, Qro.",
        ),
        (
            cea,
            "Acueducto El Batán",
            "Carretera a Huimilpan km 4.5, El Batán, 76900 Corregidora, Qro.",
        ),
    ] {
        let fields = db::sites::Fields {
            counterparty_id: client,
            name,
            address,
        };
        sites.insert(name, db::sites::insert(&mut *tx, tenant, &fields).await?);
    }

    for (client, name, position, email) in [
        (
            municipio,
            "Ing. Roberto Campos Ugalde",
            "Residente de supervisión, Secretaría de Obras Públicas",
            "rcampos@municipiodequeretaro.gob.mx",
        ),
        (
            municipio,
            "Arq. Lucía Olvera Pacheco",
            "Directora de Obras Públicas",
            "lolvera@municipiodequeretaro.gob.mx",
        ),
        (
            cea,
            "Ing. Martín Reséndiz Luna",
            "Jefe de construcción de infraestructura hidráulica",
            "mresendiz@ceaqueretaro.gob.mx",
        ),
    ] {
        let fields = db::contacts::Fields {
            counterparty_id: client,
            name,
            position,
            email,
            phone: "442 238 7700",
        };
        db::contacts::insert(&mut *tx, tenant, &fields).await?;
    }

    Ok(Directory {
        counterparties,
        sites,
        units: HashMap::new(),
    })
}

/// The unit named `name`, created the first time it is asked for.
async fn unit(
    tx: &mut PgConnection,
    tenant: &Tenant,
    directory: &mut Directory,
    name: &str,
) -> anyhow::Result<i64> {
    if let Some(id) = directory.units.get(name) {
        return Ok(*id);
    }
    let id = db::units::insert(&mut *tx, tenant, name, "").await?;
    directory.units.insert(name.to_owned(), id);
    Ok(id)
}

/// A contract with its catalog and retentions; returns its id.
struct DemoContract<'a> {
    parent_id: Option<i64>,
    code: &'a str,
    name: &'a str,
    short_name: &'a str,
    date: &'a str,
    counterparty: &'a str,
    site: Option<&'a str>,
    advance_percent: Decimal,
    tax_rate: Decimal,
    refuse_over_contract: bool,
    concepts: Vec<DemoConcept>,
    retentions: Vec<(&'a str, shared::dto::RetentionKind, Decimal)>,
}

async fn add_contract(
    tx: &mut PgConnection,
    tenant: &Tenant,
    directory: &mut Directory,
    demo: DemoContract<'_>,
) -> anyhow::Result<i64> {
    let mut catalog = Vec::new();
    for concept in demo.concepts {
        catalog.push(concepts::Fields {
            unit_id: unit(&mut *tx, tenant, directory, &concept.unit).await?,
            code: concept.code,
            description: concept.description,
            quantity: concept.quantity,
            unit_price: concept.unit_price,
        });
    }
    let amount: Decimal = catalog
        .iter()
        .map(|c| shared::billing::line_amount(c.quantity, c.unit_price))
        .sum();

    let fields = contracts::Fields {
        code: demo.code,
        name: demo.name,
        short_name: demo.short_name,
        date: demo.date.parse()?,
        counterparty_id: directory.counterparties[demo.counterparty],
        site_id: demo.site.map(|site| directory.sites[site]),
        amount,
        advance_percent: demo.advance_percent,
        tax_rate: demo.tax_rate,
        open: true,
        refuse_over_contract: demo.refuse_over_contract,
    };
    let folio = contracts::next_folio(&mut *tx, tenant.company_id).await?;
    let id = contracts::insert(&mut *tx, tenant, folio, demo.parent_id, &fields).await?;
    concepts::insert_many(&mut *tx, tenant, id, &catalog).await?;

    for (name, kind, value) in demo.retentions {
        let retention = db::retentions::Fields {
            name: name.to_owned(),
            kind,
            base: shared::dto::RetentionBase::Gross,
            value,
        };
        db::retentions::insert(&mut *tx, tenant, id, &retention).await?;
    }
    Ok(id)
}

fn street_catalog(prefixes: &[&str]) -> anyhow::Result<Vec<DemoConcept>> {
    let all: Vec<DemoConcept> = serde_json::from_str(CALLE_HIDALGO)?;
    Ok(all
        .into_iter()
        .filter(|concept| {
            prefixes.is_empty() || prefixes.iter().any(|p| concept.code.starts_with(p))
        })
        .collect())
}

/// The street works: the client's contract, the paving subcontract and, under it, the
/// piece-worker who lays the curbs.
async fn seed_street(
    tx: &mut PgConnection,
    tenant: &Tenant,
    directory: &mut Directory,
) -> anyhow::Result<()> {
    use shared::dto::RetentionKind::{Fixed, Percentage};
    let street = add_contract(
        tx,
        tenant,
        directory,
        DemoContract {
            parent_id: None,
            code: "MQ-SOP-LP-014-2026",
            name: "Rehabilitación integral de la calle Hidalgo, tramo Zaragoza–Madero",
            short_name: "Calle Hidalgo",
            date: "2026-02-16",
            counterparty: "Municipio de Querétaro",
            site: Some("Calle Hidalgo, Centro Histórico"),
            advance_percent: Decimal::new(30, 0),
            tax_rate: Decimal::new(16, 0),
            refuse_over_contract: true,
            concepts: street_catalog(&[])?,
            retentions: vec![
                (
                    "5 al millar (inspección y vigilancia)",
                    Percentage,
                    Decimal::new(5, 1),
                ),
                (
                    "2 al millar (capacitación CMIC)",
                    Percentage,
                    Decimal::new(2, 1),
                ),
            ],
        },
    )
    .await?;

    let paving = add_contract(
        tx,
        tenant,
        directory,
        DemoContract {
            parent_id: Some(street),
            code: "CH-SUB-003",
            name: "Carpeta asfáltica, guarniciones y banquetas de la calle Hidalgo",
            short_name: "Pavimentos Hidalgo",
            date: "2026-03-02",
            counterparty: "Pavimentos Asfálticos del Bajío",
            site: Some("Calle Hidalgo, Centro Histórico"),
            advance_percent: Decimal::new(20, 0),
            tax_rate: Decimal::new(16, 0),
            refuse_over_contract: false,
            concepts: street_catalog(&["PAV-", "GUA-"])?,
            retentions: vec![("Fondo de garantía", Percentage, Decimal::new(5, 0))],
        },
    )
    .await?;

    add_contract(
        tx,
        tenant,
        directory,
        DemoContract {
            parent_id: Some(paving),
            code: "CH-DES-007",
            name: "Destajo de guarniciones de concreto, calle Hidalgo",
            short_name: "Destajo guarniciones",
            date: "2026-03-09",
            counterparty: "José Luis Hernández Mora",
            site: Some("Calle Hidalgo, Centro Histórico"),
            advance_percent: Decimal::ZERO,
            tax_rate: Decimal::ZERO,
            refuse_over_contract: false,
            concepts: street_catalog(&["GUA-"])?,
            retentions: vec![(
                "Herramienta y equipo de seguridad",
                Fixed,
                Decimal::new(150000, 2),
            )],
        },
    )
    .await?;
    bill_street(tx, tenant, street, paving).await?;
    Ok(())
}

/// DOMAIN.md's worked example as a real contract, so its figures can be checked by hand.
async fn seed_water_line(
    tx: &mut PgConnection,
    tenant: &Tenant,
    directory: &mut Directory,
) -> anyhow::Result<()> {
    use shared::dto::RetentionKind::{Fixed, Percentage};
    let concept =
        |code: &str, description: &str, unit: &str, quantity: i64, scale, price| DemoConcept {
            code: code.to_owned(),
            description: description.to_owned(),
            unit: unit.to_owned(),
            quantity: Decimal::new(quantity, scale),
            unit_price: Decimal::new(price, 2),
        };
    let water = add_contract(
        tx,
        tenant,
        directory,
        DemoContract {
            parent_id: None,
            code: "CEA-OP-IR-022-2026",
            name: "Caja rompedora de presión y línea de conducción, acueducto El Batán",
            short_name: "Acueducto El Batán",
            date: "2026-04-06",
            counterparty: "CEA Querétaro",
            site: Some("Acueducto El Batán"),
            advance_percent: Decimal::new(30, 0),
            tax_rate: Decimal::ZERO,
            refuse_over_contract: false,
            concepts: vec![
                concept(
                    "C1",
                    "Excavación a cielo abierto en material tipo II",
                    "m3",
                    12000,
                    2,
                    18550,
                ),
                concept(
                    "C2",
                    "Concreto f'c=250 kg/cm² en losas y muros",
                    "m3",
                    8550,
                    2,
                    245075,
                ),
                concept(
                    "C3",
                    "Acero de refuerzo fy=4,200 kg/cm²",
                    "kg",
                    980000,
                    2,
                    2735,
                ),
            ],
            retentions: vec![
                (
                    "5 al millar (inspección y vigilancia)",
                    Percentage,
                    Decimal::new(5, 1),
                ),
                (
                    "Cuota de supervisión externa",
                    Fixed,
                    Decimal::new(100000, 2),
                ),
            ],
        },
    )
    .await?;
    bill_water_line(tx, tenant, water).await?;
    Ok(())
}

/// One demo estimate: its period, its state and, per concept code, the share of the
/// contracted quantity it bills (in percent) or an exact quantity.
struct DemoEstimate {
    start: &'static str,
    end: &'static str,
    invoiced: Option<&'static str>,
    paid: Option<&'static str>,
    quantities: Vec<(&'static str, Quantity)>,
    /// A concept whose quantity comes from a take-off by street blocks.
    takeoff: Option<&'static str>,
}

enum Quantity {
    Percent(i64),
    Exact(Decimal),
}

/// The street has been billed three times (paid, invoiced, draft) and its paving
/// subcontract twice; one line carries a take-off.
async fn bill_street(
    tx: &mut PgConnection,
    tenant: &Tenant,
    street: i64,
    paving: i64,
) -> anyhow::Result<()> {
    use Quantity::Percent;
    let street_estimates = [
        DemoEstimate {
            start: "2026-02-16",
            end: "2026-02-28",
            invoiced: Some("2026-03-03"),
            paid: Some("2026-03-24"),
            quantities: vec![
                ("PRE-01", Percent(100)),
                ("PRE-02", Percent(80)),
                ("PRE-03", Percent(75)),
                ("TER-01", Percent(40)),
            ],
            takeoff: Some("PRE-01"),
        },
        DemoEstimate {
            start: "2026-03-01",
            end: "2026-03-15",
            invoiced: Some("2026-03-18"),
            paid: None,
            quantities: vec![
                ("PRE-02", Percent(20)),
                ("PRE-03", Percent(25)),
                ("TER-01", Percent(45)),
                ("TER-03", Percent(60)),
                ("DRE-01", Percent(30)),
            ],
            takeoff: None,
        },
        DemoEstimate {
            start: "2026-03-16",
            end: "2026-03-31",
            invoiced: None,
            paid: None,
            quantities: vec![
                ("TER-01", Percent(15)),
                ("TER-03", Percent(40)),
                ("PAV-01", Percent(35)),
                ("GUA-01", Percent(50)),
            ],
            takeoff: None,
        },
    ];
    for estimate in &street_estimates {
        add_estimate(tx, tenant, street, estimate).await?;
    }

    let paving_estimates = [
        DemoEstimate {
            start: "2026-03-02",
            end: "2026-03-14",
            invoiced: Some("2026-03-17"),
            paid: None,
            quantities: vec![("PAV-01", Percent(30)), ("GUA-01", Percent(40))],
            takeoff: None,
        },
        DemoEstimate {
            start: "2026-03-16",
            end: "2026-03-28",
            invoiced: None,
            paid: None,
            quantities: vec![("PAV-01", Percent(25)), ("PAV-02", Percent(20))],
            takeoff: None,
        },
    ];
    for estimate in &paving_estimates {
        add_estimate(tx, tenant, paving, estimate).await?;
    }
    Ok(())
}

/// DOMAIN.md's worked example: estimate 1 invoiced, estimate 2 a draft.
async fn bill_water_line(tx: &mut PgConnection, tenant: &Tenant, water: i64) -> anyhow::Result<()> {
    use Quantity::Exact;
    let estimates = [
        DemoEstimate {
            start: "2026-04-06",
            end: "2026-04-30",
            invoiced: Some("2026-05-04"),
            paid: None,
            quantities: vec![
                ("C1", Exact(Decimal::new(6025, 2))),
                ("C2", Exact(Decimal::new(20333, 3))),
            ],
            takeoff: None,
        },
        DemoEstimate {
            start: "2026-05-01",
            end: "2026-05-31",
            invoiced: None,
            paid: None,
            quantities: vec![
                ("C1", Exact(Decimal::new(6500, 2))),
                ("C2", Exact(Decimal::new(301, 1))),
                ("C3", Exact(Decimal::new(45005, 1))),
            ],
            takeoff: None,
        },
    ];
    for estimate in &estimates {
        add_estimate(tx, tenant, water, estimate).await?;
    }
    Ok(())
}

async fn add_estimate(
    tx: &mut PgConnection,
    tenant: &Tenant,
    contract_id: i64,
    demo: &DemoEstimate,
) -> anyhow::Result<()> {
    let fields = db::estimates::Fields {
        period_start: demo.start.parse()?,
        period_end: demo.end.parse()?,
        drafted_by_id: Some(tenant.user_id),
        supervised_by_id: Some(tenant.user_id),
        authorized_by_id: None,
        show_advance: true,
        show_retentions: true,
        is_final: false,
    };
    let id = db::estimates::insert(&mut *tx, tenant, contract_id, &fields).await?;

    let catalog: HashMap<String, (i64, Decimal)> = sqlx::query_as::<_, (String, i64, Decimal)>(
        "SELECT code, id, quantity FROM concepts WHERE contract_id = $1",
    )
    .bind(contract_id)
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|(code, id, quantity)| (code, (id, quantity)))
    .collect();
    let changes: Vec<db::estimates::LineChange> = demo
        .quantities
        .iter()
        .map(|(code, share)| {
            let (concept_id, contracted) = catalog[*code];
            let quantity = match share {
                Quantity::Percent(percent) => (contracted * Decimal::new(*percent, 2)).round_dp(2),
                Quantity::Exact(quantity) => *quantity,
            };
            db::estimates::LineChange {
                concept_id,
                quantity,
                notes: String::new(),
            }
        })
        .collect();
    db::estimates::set_lines(&mut *tx, tenant, id, contract_id, &changes).await?;

    if let Some(code) = demo.takeoff {
        add_takeoff(&mut *tx, tenant, contract_id, id, catalog[code].0).await?;
    }
    if let Some(invoiced) = demo.invoiced {
        db::estimates::freeze_lines(&mut *tx, id).await?;
        let issued = crate::api::estimates::statement_of(&mut *tx, tenant, id)
            .await
            .map_err(|error| anyhow::anyhow!("demo statement: {error}"))?;
        db::estimates::mark_invoiced(
            &mut *tx,
            id,
            invoiced.parse()?,
            &serde_json::to_value(issued)?,
        )
        .await?;
    }
    if let Some(paid) = demo.paid {
        db::estimates::pay(&mut *tx, id, paid.parse()?).await?;
    }
    Ok(())
}

/// A line measured by blocks of the street, as a take-off.
async fn add_takeoff(
    tx: &mut PgConnection,
    tenant: &Tenant,
    contract_id: i64,
    estimate_id: i64,
    concept_id: i64,
) -> anyhow::Result<()> {
    let block = |label: &str, length: i64, width: i64| db::estimates::MeasurementRow {
        label: label.to_owned(),
        length: Some(Decimal::new(length, 2)),
        width: Some(Decimal::new(width, 2)),
        height: None,
        pieces: None,
    };
    let rows = [
        block("Zaragoza – 16 de Septiembre", 18500, 650),
        block("16 de Septiembre – Independencia", 17200, 650),
        block("Independencia – 5 de Mayo", 16300, 700),
        block("5 de Mayo – Madero", 15800, 875),
    ];
    let quantity = shared::billing::takeoff_quantity(rows.iter().map(|row| {
        shared::billing::measurement_quantity(row.length, row.width, row.height, row.pieces)
    }));
    db::estimates::replace_takeoff(
        tx,
        tenant,
        estimate_id,
        contract_id,
        concept_id,
        &rows,
        quantity,
    )
    .await?;
    Ok(())
}
