use super::{Dispute, Flow, Kpi, Manifest, SourceFile, Standard};
use std::collections::{HashMap, HashSet};

/// A whole catalog: every file as parsed, and the typed model built from them.
#[derive(Debug, Default)]
pub struct Catalog {
    pub files: Vec<SourceFile>,
    pub manifest: Option<Manifest>,
    pub standards: Vec<Standard>,
    pub kpis: Vec<Kpi>,
    /// `ontology/disputes/*.json` that parse as objects, in file order.
    pub disputes: Vec<Dispute>,
    /// `ontology/flows/*.json` that parse as objects, in file order.
    pub flows: Vec<Flow>,
    /// standards.json exists but could not be read as a registry: tier rules
    /// that need it stay silent (its own findings say why).
    pub standards_broken: bool,
    /// What the git history says about disputed KPIs missing now (set by
    /// `check` when a dispute names one).
    pub past_kpis: crate::source::PastKpis,
    /// rogueId → indices into `kpis`, in file order.
    by_id: HashMap<String, Vec<usize>>,
    /// Ids implied by the paths of KPI files that could not be read as KPIs.
    /// References to them resolve, so one broken file yields only its own errors.
    unreadable_ids: HashSet<String>,
}

impl Catalog {
    pub fn new(
        files: Vec<SourceFile>,
        manifest: Option<Manifest>,
        standards: Option<Vec<Standard>>,
        kpis: Vec<Kpi>,
        unreadable_ids: HashSet<String>,
    ) -> Self {
        let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, k) in kpis.iter().enumerate() {
            by_id.entry(k.id()).or_default().push(i);
        }
        let standards_broken = standards.is_none();
        let standards = standards.unwrap_or_default();
        Catalog {
            files,
            manifest,
            standards,
            kpis,
            disputes: Vec::new(),
            flows: Vec::new(),
            standards_broken,
            past_kpis: crate::source::PastKpis::NotSearched,
            by_id,
            unreadable_ids,
        }
    }

    /// Whether a reference to `id` resolves (including to a file that is broken).
    pub fn resolves(&self, id: &str) -> bool {
        self.by_id.contains_key(id) || self.unreadable_ids.contains(id)
    }

    /// Whether `id` is implied by a KPI file that could not be read as a KPI.
    pub fn is_unreadable(&self, id: &str) -> bool {
        self.unreadable_ids.contains(id)
    }

    /// The first KPI with this rogueId.
    pub fn kpi(&self, id: &str) -> Option<&Kpi> {
        self.kpis_with_id(id).first().map(|&i| &self.kpis[i])
    }

    /// The disputes about a KPI, in file order.
    pub fn disputes_on<'a>(&'a self, kpi: &'a str) -> impl Iterator<Item = &'a Dispute> + 'a {
        self.disputes.iter().filter(move |d| d.kpi.as_deref() == Some(kpi))
    }

    /// rogueIds that disputes name but the catalog does not have, sorted, once each.
    pub fn disputed_missing_kpis(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .disputes
            .iter()
            .filter_map(Dispute::wellformed_kpi)
            .filter(|k| !self.resolves(k))
            .map(str::to_string)
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// The version in catalog.json, when it is valid semver.
    pub fn version(&self) -> Option<semver::Version> {
        semver::Version::parse(self.manifest.as_ref()?.version.as_deref()?).ok()
    }

    pub fn kpis_with_id(&self, id: &str) -> &[usize] {
        self.by_id.get(id).map_or(&[], Vec::as_slice)
    }

    /// The KPI read from a file, if the file holds one (KPIs are in file order).
    pub fn kpi_in_file(&self, file: usize) -> Option<&Kpi> {
        let i = self.kpis.binary_search_by_key(&file, |k| k.file).ok()?;
        Some(&self.kpis[i])
    }

    pub fn file_of(&self, kpi: &Kpi) -> &SourceFile {
        &self.files[kpi.file]
    }

    pub fn standard(&self, name: &str) -> Option<&Standard> {
        self.standards.iter().find(|s| s.name == name)
    }

    pub fn has_domain(&self, id: &str) -> bool {
        self.manifest.as_ref().is_some_and(|m| m.domains.iter().any(|d| d.id == id))
    }

    /// Whether `id` is a domain known to the catalog (listed or used by a KPI folder).
    pub fn is_domain_name(&self, id: &str) -> bool {
        self.has_domain(id) || self.kpis.iter().any(|k| k.home_domain() == id)
    }

    pub fn manifest_file(&self) -> Option<&SourceFile> {
        self.manifest.as_ref().map(|m| &self.files[m.file])
    }

    /// The house name editorial KPIs must carry.
    pub fn editorial_source_name(&self) -> Option<&str> {
        self.manifest.as_ref().and_then(|m| m.editorial_source_name.as_deref())
    }

    pub fn kpi_files(&self) -> usize {
        self.files.iter().filter(|f| f.is_kpi()).count()
    }
}
