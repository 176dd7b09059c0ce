//! Assembles the server: state, routes and middleware. Tests build the same app.

use std::sync::Arc;

use poem::{Endpoint, EndpointExt, Route, get, handler, middleware::Compression};
use poem_openapi::OpenApiService;
use sqlx::PgPool;

use crate::{
    api::{
        AuditApi, AuthApi, CompanyLogoApi, ConceptsApi, ContactsApi, ContractsApi,
        CounterpartiesApi, DocumentsApi, EstimatesApi, ExportsApi, ImportsApi, MeApi, MembersApi,
        PhotosApi, ReportsApi, RetentionsApi, SignedPdfApi, SitesApi, UnitsApi,
    },
    auth::tokens::TokenKeys,
    config::Config,
    error::ApiError,
    http::{health, middleware::RequestContext, spa::Spa},
    redis::Redis,
};

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub redis: Redis,
    pub storage: Arc<dyn object_store::ObjectStore>,
    pub renderer: crate::documents::Renderer,
    pub tokens: TokenKeys,
    pub config: Arc<Config>,
}

impl AppState {
    /// Fails when STORAGE_URL names no usable storage.
    pub fn new(pool: PgPool, redis: Redis, config: Config) -> anyhow::Result<AppState> {
        Ok(AppState {
            pool,
            redis,
            storage: crate::storage::open(&config.storage_url)?,
            renderer: crate::documents::Renderer::new(),
            tokens: TokenKeys::new(&config.jwt_secret),
            config: Arc::new(config),
        })
    }
}

pub type Api = (
    AuthApi,
    MeApi,
    MembersApi,
    CounterpartiesApi,
    SitesApi,
    ContactsApi,
    UnitsApi,
    ContractsApi,
    SignedPdfApi,
    ConceptsApi,
    RetentionsApi,
    EstimatesApi,
    PhotosApi,
    AuditApi,
    ReportsApi,
    // poem-openapi takes tuples of up to 16 APIs; documents nest as one.
    (DocumentsApi, ImportsApi, ExportsApi, CompanyLogoApi),
);

const API_DESCRIPTION: &str = "\
The Construbot API: contracts, concept catalogs and progress billing (estimates) for \
construction contractors.

Authenticate with `POST /api/v1/auth/login`, then send the access token as \
`Authorization: Bearer …`. \
Every request works in the user's active company. Money and quantities are decimal strings. \
Errors are RFC 9457 problem documents (`application/problem+json`).";

pub fn openapi_service() -> OpenApiService<Api, ()> {
    OpenApiService::new(
        (
            AuthApi,
            MeApi,
            MembersApi,
            CounterpartiesApi,
            SitesApi,
            ContactsApi,
            UnitsApi,
            ContractsApi,
            SignedPdfApi,
            ConceptsApi,
            RetentionsApi,
            EstimatesApi,
            PhotosApi,
            AuditApi,
            ReportsApi,
            (DocumentsApi, ImportsApi, ExportsApi, CompanyLogoApi),
        ),
        "Construbot API",
        env!("CARGO_PKG_VERSION"),
    )
    .description(API_DESCRIPTION)
    .url_prefix("/api/v1")
}

/// The committed spec's text: `openapi/openapi.json` must equal this.
pub fn openapi_json() -> String {
    openapi_service().spec()
}

#[handler]
fn unknown_api_path() -> poem::Result<()> {
    Err(ApiError::NotFound("no such API endpoint; see /api/docs".to_owned()).into())
}

pub fn build_app(state: AppState) -> impl Endpoint {
    let api = openapi_service();
    let spec = api.spec_endpoint();
    let docs = api.swagger_ui();
    let spa = Spa::new(state.config.spa_dir.clone());

    Route::new()
        .nest("/api/v1", api)
        .at("/api/openapi.json", spec)
        .nest("/api/docs", docs)
        .at("/api/*rest", unknown_api_path)
        .at("/health", get(health::health))
        .at("/ready", get(health::ready))
        .nest("/", spa)
        .with(Compression::new())
        .with(RequestContext)
        .data(state)
}
