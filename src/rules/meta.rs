//! The `declare_rule!` macro that keeps a rule's code, severity, message
//! template and documentation together in one file.

/// Declares a rule: a unit struct plus its `RuleMeta`, docs captured from `///`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis $name:ident {
            code: $code:literal,
            name: $rname:literal,
            category: $cat:ident,
            severity: $sev:ident,
            scope: $scope:ident,
            message: $msg:literal,
            since: $since:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, Default)]
        $vis struct $name;

        impl $crate::rules::Meta for $name {
            fn meta(&self) -> &'static $crate::findings::RuleMeta {
                static META: $crate::findings::RuleMeta = $crate::findings::RuleMeta {
                    code: $code,
                    name: $rname,
                    category: $crate::findings::Category::$cat,
                    default_severity: $crate::findings::Severity::$sev,
                    scope: $crate::findings::Scope::$scope,
                    message: $msg,
                    since: $since,
                    raw_docs: concat!($($doc, "\n"),*),
                    file: file!(),
                    line: line!(),
                };
                &META
            }
        }
    };
}

pub(crate) use declare_rule;
