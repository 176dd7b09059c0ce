//! What can go wrong with an API call, and how to say it to the user.

use std::fmt;

use shared::problem::{FieldError, Problem};

/// The message shown when the session can no longer be renewed.
pub const SESSION_EXPIRED: &str = "Tu sesión expiró; inicia sesión de nuevo.";

/// A failed API call.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request got no answer: offline, DNS, server down.
    Network,
    /// The server answered with an error status and (usually) a problem body.
    Problem {
        /// Boxed: a problem is large, and errors travel through every `Result`.
        problem: Box<Problem>,
        /// Seconds from the `Retry-After` header of a 429.
        retry_after: Option<u64>,
    },
    /// The access token was refused and could not be renewed.
    SessionExpired,
    /// The app could not build the request or read a successful answer.
    Unexpected(String),
}

impl ApiError {
    /// What a page says when its address names no record, as the server's 404 would.
    pub fn not_found() -> ApiError {
        ApiError::Problem {
            problem: Box::new(Problem {
                kind: "about:blank".to_string(),
                title: "Not Found".to_string(),
                status: 404,
                detail: None,
                request_id: None,
                errors: Vec::new(),
            }),
            retry_after: None,
        }
    }

    /// A complaint found before sending, shaped like the server's 422 so a form shows it the
    /// same way.
    pub fn invalid(field: &str, message: &str) -> ApiError {
        ApiError::invalid_fields(vec![FieldError {
            field: field.to_string(),
            message: message.to_string(),
        }])
    }

    /// [`ApiError::invalid`] for several fields at once.
    pub fn invalid_fields(errors: Vec<FieldError>) -> ApiError {
        ApiError::Problem {
            problem: Box::new(Problem {
                kind: "about:blank".to_string(),
                title: "Datos no válidos".to_string(),
                status: 422,
                detail: Some("Revisa los campos marcados.".to_string()),
                request_id: None,
                errors,
            }),
            retry_after: None,
        }
    }

    /// The HTTP status the server answered with, if it answered with an error.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem { problem, .. } => Some(problem.status),
            _ => None,
        }
    }

    /// The fields the server found at fault, for validation problems.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            ApiError::Problem { problem, .. } => &problem.errors,
            _ => &[],
        }
    }

    /// The server's message for one field, if it sent one.
    pub fn field_message(&self, field: &str) -> Option<String> {
        self.field_errors()
            .iter()
            .find(|error| error.field == field)
            .map(|error| error.message.clone())
    }

    /// Whether every complaint is about one of `fields`, so a form that shows them beside
    /// those fields has nothing more to say.
    pub fn only_about(&self, fields: &[&str]) -> bool {
        self.only_about_fields(|field| fields.contains(&field))
    }

    /// [`ApiError::only_about`] for forms whose fields have computed names, such as the
    /// rows of a batch (`concepts[2].unit_price`).
    pub fn only_about_fields(&self, shown: impl Fn(&str) -> bool) -> bool {
        let errors = self.field_errors();
        !errors.is_empty() && errors.iter().all(|error| shown(&error.field))
    }

    /// A sentence in Spanish for the user.
    pub fn message(&self) -> String {
        match self {
            ApiError::Network => {
                "No se pudo conectar con el servidor. Revisa tu conexión.".to_string()
            }
            ApiError::SessionExpired => SESSION_EXPIRED.to_string(),
            ApiError::Unexpected(cause) => format!("Ocurrió un error inesperado: {cause}"),
            ApiError::Problem {
                problem,
                retry_after,
            } => problem_message(problem, *retry_after),
        }
    }
}

fn problem_message(problem: &Problem, retry_after: Option<u64>) -> String {
    match problem.status {
        401 => SESSION_EXPIRED.to_string(),
        403 => "No tienes permiso para esto.".to_string(),
        404 => "No encontrado.".to_string(),
        429 => too_many_attempts(retry_after),
        status => problem
            .detail
            .clone()
            .filter(|detail| !detail.trim().is_empty())
            .unwrap_or_else(|| format!("El servidor respondió con un error ({status}).")),
    }
}

fn too_many_attempts(retry_after: Option<u64>) -> String {
    match retry_after {
        Some(1) => "Demasiados intentos. Intenta de nuevo en 1 segundo.".to_string(),
        Some(seconds) => format!("Demasiados intentos. Intenta de nuevo en {seconds} segundos."),
        None => "Demasiados intentos. Intenta de nuevo en unos momentos.".to_string(),
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.message())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(status: u16, detail: Option<&str>) -> ApiError {
        ApiError::Problem {
            problem: Box::new(Problem {
                kind: "about:blank".to_string(),
                title: "Title".to_string(),
                status,
                detail: detail.map(str::to_string),
                request_id: None,
                errors: Vec::new(),
            }),
            retry_after: Some(42),
        }
    }

    #[test]
    fn rate_limit_names_the_seconds_to_wait() {
        let message = problem(429, None).message();

        assert_eq!(
            message,
            "Demasiados intentos. Intenta de nuevo en 42 segundos."
        );
    }

    #[test]
    fn other_problems_show_their_detail() {
        assert_eq!(
            problem(409, Some("El folio ya existe.")).message(),
            "El folio ya existe."
        );
        assert_eq!(
            problem(403, Some("nope")).message(),
            "No tienes permiso para esto."
        );
        assert_eq!(problem(404, None).message(), "No encontrado.");
    }

    #[test]
    fn field_errors_belong_to_a_form_only_when_all_are_its_fields() {
        let mut error = problem(422, Some("new_password is not valid"));
        if let ApiError::Problem { problem, .. } = &mut error {
            problem.errors.push(FieldError {
                field: "new_password".to_string(),
                message: "too short".to_string(),
            });
        }

        assert!(error.only_about(&["current_password", "new_password"]));
        assert!(!error.only_about(&["email"]));
        assert!(!problem(422, None).only_about(&["email"]));
    }

    #[test]
    fn a_problem_without_detail_still_says_something() {
        assert_eq!(
            problem(500, None).message(),
            "El servidor respondió con un error (500)."
        );
    }
}
