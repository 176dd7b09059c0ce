//! The committed spec must be what the code generates: third parties build clients from it.

#[test]
fn committed_spec_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();

    let generated = backend::app::openapi_json();

    assert!(
        committed.trim_end() == generated.trim_end(),
        "openapi/openapi.json is stale: run `make openapi` and commit the result"
    );
}

#[test]
fn every_operation_documents_problem_errors() {
    let spec: serde_json::Value = serde_json::from_str(&backend::app::openapi_json()).unwrap();

    for (path, operations) in spec["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let not_found = &operation["responses"]["404"]["content"]["application/problem+json"];
            assert!(
                not_found.is_object(),
                "{method} {path} lacks a problem+json 404"
            );
        }
    }
}
