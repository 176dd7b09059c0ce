//! `construbot seed-demo`: a demo account a newcomer can log into, loaded once.

use shared::AccessLevel;
use sqlx::PgPool;

use super::create_user::{CreateUser, create_user};
use crate::db;

const DEMO_CUSTOMER: &str = "Grupo Constructor del Bajío";
const MAIN_COMPANY: &str = "Constructora Hidalgo";
const SECOND_COMPANY: &str = "Urbanizadora Querétaro";

/// One user per level: (level, name, position, works in the second company too).
const DEMO_USERS: [(AccessLevel, &str, &str, bool); 6] = [
    (
        AccessLevel::Auxiliar,
        "Luis Ángel Pérez Ramírez",
        "Auxiliar de obra",
        false,
    ),
    (
        AccessLevel::Coordinador,
        "María Fernanda Ruiz Olvera",
        "Coordinadora de proyectos",
        true,
    ),
    (
        AccessLevel::Director,
        "Ing. Jorge Salinas Treviño",
        "Director de obra",
        true,
    ),
    (
        AccessLevel::Corporativo,
        "Lic. Patricia Núñez Castañeda",
        "Directora corporativa",
        true,
    ),
    (
        AccessLevel::Soporte,
        "Ana Sofía Mendoza",
        "Soporte Construbot",
        true,
    ),
    (
        AccessLevel::Superusuario,
        "Ricardo Villaseñor",
        "Administrador Construbot",
        true,
    ),
];

pub async fn seed_demo(pool: &PgPool) -> anyhow::Result<()> {
    let already: Option<i64> = sqlx::query_scalar("SELECT id FROM customers WHERE name = $1")
        .bind(DEMO_CUSTOMER)
        .fetch_optional(pool)
        .await?;
    if already.is_some() {
        tracing::info!("demo data already loaded; leaving it as it is");
        return Ok(());
    }

    let password = std::env::var("DEMO_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or("construbot-demo".into());
    for (level, name, position, both_companies) in DEMO_USERS {
        let mut companies = vec![MAIN_COMPANY];
        if both_companies {
            companies.push(SECOND_COMPANY);
        }
        for company in companies {
            let args = CreateUser {
                email: format!("{}@demo.construbot.mx", level.key()),
                password: password.clone(),
                level,
                customer: DEMO_CUSTOMER.to_owned(),
                company: company.to_owned(),
                name: Some(name.to_owned()),
                position: position.to_owned(),
            };
            create_user(pool, &args).await?;
        }
    }
    set_legal_details(pool).await?;
    super::seed_catalog::seed_catalog(pool, "director@demo.construbot.mx", MAIN_COMPANY).await?;

    tracing::info!("demo data loaded: log in as director@demo.construbot.mx");
    Ok(())
}

async fn set_legal_details(pool: &PgPool) -> anyhow::Result<()> {
    let companies: Vec<(i64, String)> = sqlx::query_as(
        "SELECT co.id, co.name FROM companies co JOIN customers cu ON cu.id = co.customer_id
         WHERE cu.name = $1",
    )
    .bind(DEMO_CUSTOMER)
    .fetch_all(pool)
    .await?;
    for (id, name) in companies {
        let (legal_name, tax_id) = if name == MAIN_COMPANY {
            ("Constructora Hidalgo, S.A. de C.V.", "CHI980512KX3")
        } else {
            ("Urbanizadora Querétaro, S. de R.L. de C.V.", "UQU050301AB7")
        };
        db::companies::set_legal_details(pool, id, legal_name, tax_id).await?;
    }
    Ok(())
}
