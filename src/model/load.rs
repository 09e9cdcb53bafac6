use super::file::classify;
use super::{Catalog, Dispute, FileKind, Flow, Kpi, Manifest, SourceFile, Standard};
use crate::error::Result;
use crate::source::Source;
use rayon::prelude::*;
use std::collections::HashSet;

/// Reads and parses every file of a source, then builds the model.
pub fn load(source: &dyn Source) -> Result<Catalog> {
    let paths = source.list()?;
    let read: Vec<(SourceFile, Option<Kpi>)> = paths
        .into_par_iter()
        .enumerate()
        .map(|(i, path)| {
            let kind = classify(&path);
            let file = match source.read(&path) {
                Ok(bytes) => SourceFile::from_bytes(path, kind, bytes),
                // Listed but unreadable (a dangling link): a finding, not the end of the run.
                Err(crate::error::Error::Read { source, .. }) => SourceFile::unreadable(path, kind, source.to_string()),
                Err(e) => return Err(e),
            };
            let kpi = match (&file.kind, file.value.as_ref().and_then(|v| v.as_object())) {
                (FileKind::Kpi { domain, slug, nested }, Some(obj)) => {
                    Some(Kpi::from_value(i, domain, slug, *nested, obj))
                }
                _ => None,
            };
            Ok((file, kpi))
        })
        .collect::<Result<_>>()?;
    let (files, kpis): (Vec<SourceFile>, Vec<Option<Kpi>>) = read.into_iter().unzip();
    Ok(build(files, kpis.into_iter().flatten().collect()))
}

/// Builds the catalog from parsed files and the KPIs read from them.
fn build(files: Vec<SourceFile>, kpis: Vec<Kpi>) -> Catalog {
    let mut manifest = None;
    // Absent registry: nothing is registered. Unreadable registry: unknown.
    let mut standards = Some(Vec::new());
    let mut unreadable = HashSet::new();
    let (mut disputes, mut flows) = (Vec::new(), Vec::new());
    for (i, f) in files.iter().enumerate() {
        match (&f.kind, &f.value) {
            (FileKind::Catalog, Some(v)) => manifest = Some(Manifest::from_value(i, v)),
            (FileKind::Catalog, None) => manifest = Some(Manifest { file: i, ..Default::default() }),
            (FileKind::Standards, value) => standards = value.as_ref().and_then(Standard::list_from_value),
            (FileKind::Kpi { domain, slug, .. }, value) if !value.as_ref().is_some_and(|v| v.is_object()) => {
                unreadable.insert(format!("{domain}.{slug}"));
            }
            (FileKind::Dispute { stem }, Some(v)) => disputes.extend(Dispute::from_value(i, stem, v)),
            (FileKind::Flow { stem }, Some(v)) => flows.extend(Flow::from_value(i, stem, v)),
            _ => {}
        }
    }
    let mut catalog = Catalog::new(files, manifest, standards, kpis, unreadable);
    catalog.disputes = disputes;
    catalog.flows = flows;
    catalog
}
