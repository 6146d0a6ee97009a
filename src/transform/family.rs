//! Template families: spec types read straight from Markdown templates.
//!
//! A team keeps its templates in the repository (`templates/specs/*.md`) and
//! names them in `speclint.yaml` (`templates: ["templates/specs/*.md"]`) or on
//! the command line (`--templates GLOB`). Each template is derived once
//! ([`crate::derive::derive_spec_type`]) into the spec type of its front
//! matter `spec_type`; no YAML is written or kept in sync.
//!
//! - [`derive`] keeps every derivation in a process-wide cache keyed by a hash
//!   of the template's text, so a long-running host (Docusaurus in dev mode, a
//!   language server) derives a template again only when it changes.
//! - [`refine`]: a YAML spec type with the same id as a template refines the
//!   derived type instead of replacing it (see `docs/spec-types.md`).
//! - [`Template`] is what `speclint templates` lists, and what a run reports
//!   for a template file it meets (`IO004`) instead of checking it.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex, OnceLock};

use crate::derive::{DeriveError, derive_spec_type};
use crate::spec_type::{FieldSpec, SectionSpec, SpecType};

/// A template of the family, as loaded.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Template {
    /// The template's path, as the host read it.
    pub path: String,
    /// The spec type it defines.
    pub id: String,
    pub name: String,
    /// The section titles, in order.
    pub sections: Vec<String>,
    /// The front matter fields, in order.
    pub fields: Vec<String>,
    /// The YAML spec type file with the same id that refines it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refined_by: Option<String>,
    /// Where that YAML type and the template disagree ([`drift`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub drift: Vec<String>,
}

impl Template {
    /// The template at `path` that defines `t`, not (yet) refined.
    pub fn of(path: &str, t: &SpecType) -> Template {
        Template {
            path: path.to_string(),
            id: t.id.clone(),
            name: t.name.clone(),
            sections: t.sections.iter().map(|s| s.title.clone()).collect(),
            fields: t.fields.iter().map(|f| f.name.clone()).collect(),
            refined_by: None,
            drift: Vec::new(),
        }
    }

    /// "template for `tech-stack`, 17 sections".
    pub fn describe(&self) -> String {
        format!(
            "template for `{}`, {} section{}",
            self.id,
            self.sections.len(),
            if self.sections.len() == 1 { "" } else { "s" }
        )
    }
}

/// Where a YAML spec type (a derivative committed from a template, or a
/// refinement) and the template's own type disagree: sections and fields one
/// has and the other lacks, sections out of the template's order, enum values
/// and table columns that differ. Aliases, conditions and descriptions are
/// what a YAML type adds; they are not drift.
pub fn drift(template: &SpecType, yaml: &SpecType) -> Vec<String> {
    use crate::text::eq_fold;
    let mut out = Vec::new();
    let names = |s: &SectionSpec| {
        std::iter::once(s.title.trim().to_string())
            .chain(s.aliases.iter().map(|a| a.trim().to_string()))
            .collect::<Vec<_>>()
    };
    let same = |a: &SectionSpec, b: &SectionSpec| {
        a.id == b.id || names(b).iter().any(|n| eq_fold(n, a.title.trim()))
    };
    let mut last = None;
    for ts in &template.sections {
        match yaml.sections.iter().position(|ys| same(ts, ys)) {
            None => out.push(format!(
                "section `{}` is in the template, not in the YAML",
                ts.title
            )),
            Some(i) => {
                if last.is_some_and(|l| i < l) {
                    out.push(format!(
                        "section `{}` comes earlier in the YAML than in the template",
                        ts.title
                    ));
                }
                last = Some(i);
                let ys = &yaml.sections[i];
                let cols = |t: &Option<crate::spec_type::TableSpec>| {
                    t.as_ref()
                        .map(|t| t.columns.iter().map(|c| c.name.clone()).collect::<Vec<_>>())
                };
                let (a, b) = (cols(&ts.table), cols(&ys.table));
                if a.is_some() && b.is_some() && a != b {
                    out.push(format!(
                        "section `{}`: the template's table has columns {}, the YAML's {}",
                        ts.title,
                        crate::text::code_list(&a.unwrap_or_default()),
                        crate::text::code_list(&b.unwrap_or_default())
                    ));
                }
            }
        }
    }
    for ys in &yaml.sections {
        if ys.required && !template.sections.iter().any(|ts| same(ts, ys)) {
            out.push(format!(
                "section `{}` is required by the YAML, not in the template",
                ys.title
            ));
        }
    }
    for tf in &template.fields {
        match yaml.field(&tf.name) {
            None => out.push(format!(
                "field `{}` is in the template, not in the YAML",
                tf.name
            )),
            Some(yf) => {
                let missing: Vec<&String> = tf
                    .values
                    .iter()
                    .filter(|v| !yf.values.contains(v))
                    .collect();
                if !missing.is_empty() && !yf.values.is_empty() {
                    out.push(format!(
                        "field `{}`: the template's values {} are not in the YAML",
                        tf.name,
                        crate::text::code_list(&missing)
                    ));
                }
            }
        }
    }
    for yf in &yaml.fields {
        if yf.required && template.field(&yf.name).is_none() {
            out.push(format!(
                "field `{}` is required by the YAML, not in the template",
                yf.name
            ));
        }
    }
    out
}

/// The templates a linter is built with, derived, and what refines them
/// ([`crate::Linter::with_templates`]). Without the `family` feature (the
/// browser module, which derives types with `deriveSpecType` instead), a
/// template is an error and every type file is a type of its own.
pub(crate) struct Family {
    #[cfg(feature = "family")]
    members: Vec<(Template, SpecType)>,
}

impl Family {
    /// Derives each template (path, text); two with the same `spec_type` are an error.
    #[cfg(feature = "family")]
    pub(crate) fn derive(templates: &[(String, String)]) -> Result<Family, crate::OptionsError> {
        use crate::OptionsError;
        let mut members: Vec<(Template, SpecType)> = Vec::new();
        for (path, text) in templates {
            let t = derive(text)
                .map_err(|e| OptionsError::SpecType(format!("template `{path}`: {e}")))?;
            if let Some((other, _)) = members.iter().find(|(o, _)| o.id == t.id) {
                return Err(OptionsError::SpecType(format!(
                    "template `{path}`: spec type `{}` is already defined by template `{}`",
                    t.id, other.path
                )));
            }
            members.push((Template::of(path, &t), t));
        }
        Ok(Family { members })
    }

    #[cfg(not(feature = "family"))]
    pub(crate) fn derive(templates: &[(String, String)]) -> Result<Family, crate::OptionsError> {
        match templates.first() {
            None => Ok(Family {}),
            Some((path, _)) => Err(crate::OptionsError::SpecType(format!(
                "template `{path}`: template families are not in this build (the browser module); derive the type with `deriveSpecType` and give it in `types`"
            ))),
        }
    }

    /// Refines the template whose id `t` has (type file `name`): `None`
    /// then, else `t` back, a type of its own (unchecked).
    #[cfg(feature = "family")]
    pub(crate) fn refine(
        &mut self,
        name: &str,
        t: SpecType,
    ) -> Result<Option<SpecType>, crate::OptionsError> {
        let Some((info, derived)) = self.members.iter_mut().find(|(i, _)| i.id == t.id) else {
            return Ok(Some(t));
        };
        info.refined_by = Some(name.to_string());
        info.drift = drift(derived, &t);
        let merged = refine(derived.clone(), t);
        merged.check().map_err(|e| {
            crate::OptionsError::SpecType(format!(
                "spec type `{name}` refining template `{}`: {e}",
                info.path
            ))
        })?;
        *derived = merged;
        Ok(None)
    }

    #[cfg(not(feature = "family"))]
    pub(crate) fn refine(
        &mut self,
        _name: &str,
        t: SpecType,
    ) -> Result<Option<SpecType>, crate::OptionsError> {
        Ok(Some(t))
    }

    /// Adds the derived (and refined) types to `registry`; the templates as loaded.
    pub(crate) fn into_registry(self, registry: &mut crate::Registry) -> Vec<Template> {
        #[cfg(feature = "family")]
        {
            let mut out = Vec::with_capacity(self.members.len());
            for (info, t) in self.members {
                registry.add(t);
                out.push(info);
            }
            out
        }
        #[cfg(not(feature = "family"))]
        {
            let _ = registry;
            Vec::new()
        }
    }
}

/// Most derivations kept by [`derive`]: a host that keeps running through
/// many edits of many templates starts over beyond this.
const CACHE_LIMIT: usize = 256;

type Cache = Mutex<HashMap<u64, Result<Arc<SpecType>, DeriveError>>>;

fn key(text: &str) -> u64 {
    // SipHash with fixed keys: the same text gives the same key in every run.
    #[allow(deprecated)]
    let mut h = std::hash::SipHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The spec type derived from a template's text, from the cache when the same
/// text was derived before in this process. The result is the one
/// [`derive_spec_type`] gives.
pub fn derive(text: &str) -> Result<SpecType, DeriveError> {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let k = key(text);
    if let Ok(map) = cache.lock() {
        if let Some(r) = map.get(&k) {
            return r.as_ref().map(|t| (**t).clone()).map_err(Clone::clone);
        }
    }
    let r = derive_spec_type(text);
    if let Ok(mut map) = cache.lock() {
        if map.len() >= CACHE_LIMIT {
            map.clear();
        }
        map.insert(k, r.clone().map(Arc::new));
    }
    r
}

/// `derived` refined by `yaml`, a spec type with the same id: what the YAML
/// says is added to what the template says, never the whole type replaced.
///
/// - `name` and `description` are the YAML's (a description only when given).
/// - Fields: a field the YAML declares replaces the template's field of that
///   name, but keeps the template's enum values and suggested values in front
///   of its own (the YAML adds vocabulary); other fields are added.
/// - Sections are matched by id or by title: a matched section takes the
///   YAML's settings and keeps the template's aliases and guidance besides
///   the YAML's; its table and entries are the template's unless the YAML
///   gives them. A section only in the YAML is placed after the section it
///   follows in the YAML (first when it comes first).
/// - Conditions, semantics and type-wide residue are added.
pub fn refine(derived: SpecType, yaml: SpecType) -> SpecType {
    let mut t = derived;
    t.name = yaml.name;
    if yaml.description.is_some() {
        t.description = yaml.description;
    }
    for f in yaml.fields {
        match t.fields.iter_mut().find(|x| x.name == f.name) {
            Some(slot) => *slot = refine_field(slot.clone(), f),
            None => t.fields.push(f),
        }
    }
    let mut after: Option<usize> = None;
    for s in yaml.sections {
        let found = t
            .sections
            .iter()
            .position(|x| x.id == s.id || crate::text::eq_fold(x.title.trim(), s.title.trim()));
        match found {
            Some(i) => {
                t.sections[i] = refine_section(t.sections[i].clone(), s);
                after = Some(i);
            }
            None => {
                let at = after.map_or(0, |i| i + 1);
                t.sections.insert(at, s);
                after = Some(at);
            }
        }
    }
    t.conditions.extend(yaml.conditions);
    for s in yaml.semantics {
        if !t.semantics.contains(&s) {
            t.semantics.push(s);
        }
    }
    union(&mut t.residue, yaml.residue);
    t.compiled = Default::default();
    t
}

fn refine_field(template: FieldSpec, yaml: FieldSpec) -> FieldSpec {
    let mut f = yaml;
    let mut values = template.values;
    union(&mut values, std::mem::take(&mut f.values));
    f.values = values;
    let mut suggested = template.suggested;
    union(&mut suggested, std::mem::take(&mut f.suggested));
    f.suggested = suggested;
    if f.description.is_none() {
        f.description = template.description;
    }
    f
}

fn refine_section(template: SectionSpec, yaml: SectionSpec) -> SectionSpec {
    let mut s = yaml;
    let mut aliases = template.aliases;
    if !crate::text::eq_fold(template.title.trim(), s.title.trim()) {
        aliases.push(template.title);
    }
    union(&mut aliases, std::mem::take(&mut s.aliases));
    aliases.retain(|a| !crate::text::eq_fold(a.trim(), s.title.trim()));
    s.aliases = aliases;
    let mut residue = template.residue;
    union(&mut residue, std::mem::take(&mut s.residue));
    s.residue = residue;
    if s.table.is_none() {
        s.table = template.table;
    }
    if s.entries.is_none() {
        s.entries = template.entries;
    }
    s
}

/// Appends the items of `more` that `into` lacks.
fn union(into: &mut Vec<String>, more: Vec<String>) {
    for m in more {
        if !into.contains(&m) {
            into.push(m);
        }
    }
}

/// Whether a document's title is still a template placeholder
/// (`# <Service Name> Tech Stack`, `# {{ title }}`): its first heading of
/// level 1 starts with a placeholder.
pub fn has_placeholder_title(doc: &crate::Document) -> bool {
    doc.headings.iter().find(|h| h.level == 1).is_some_and(|h| {
        let t = h.text.trim_start();
        t.starts_with("{{")
            || crate::text::placeholders(t)
                .first()
                .is_some_and(|&(start, _)| start == 0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "---\nspec_type: tech-stack\nstatus: draft # draft | approved\nowner: <team>\n---\n\n# <Service> Tech Stack\n\n## Overview\n\nDescribe the service in two sentences.\n\n## Languages\n\n| Language | Version | Used for |\n|---|---|---|\n\n## Hosting\n\nWhere it runs.\n";

    #[test]
    fn derives_once_and_gives_the_same_type() {
        let a = derive(TEMPLATE).unwrap();
        let b = derive(TEMPLATE).unwrap();
        assert_eq!(a, b);
        assert_eq!(a, derive_spec_type(TEMPLATE).unwrap());
        assert_eq!(a.id, "tech-stack");
    }

    #[test]
    fn a_yaml_type_refines_without_replacing() {
        let derived = derive(TEMPLATE).unwrap();
        let yaml = SpecType::from_yaml(
            "id: tech-stack\nname: Tech Stack Spec\nfields:\n  - name: status\n    type: enum\n    values: [deprecated]\nsections:\n  - id: overview\n    title: Summary\n    aliases: [Context]\n  - id: risks\n    title: Risks\n    required: false\nconditions:\n  - when: { field: status, equals: approved }\n    then: { no_placeholders: true }\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let t = refine(derived, yaml);
        t.check().unwrap();
        assert_eq!(t.name, "Tech Stack Spec");
        let status = t.field("status").unwrap();
        assert_eq!(status.values, ["draft", "approved", "deprecated"]);
        assert!(t.field("owner").is_some(), "the template's fields stay");
        let titles: Vec<&str> = t.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Summary", "Risks", "Languages", "Hosting"]);
        assert_eq!(t.sections[0].aliases, ["Overview", "Context"]);
        assert!(
            !t.sections[0].residue.is_empty(),
            "the template's guidance stays"
        );
        assert!(t.sections[2].table.is_some(), "the template's table stays");
        assert_eq!(t.conditions.len(), 1);
    }

    #[test]
    fn placeholder_titles() {
        for (title, yes) in [
            ("# <Service> Tech Stack", true),
            ("# {{ title }}", true),
            ("# Orders <draft>", false),
            ("# Orders", false),
        ] {
            let text = format!("{title}\n\n## A\n\nx\n");
            let doc = crate::Document::parse(&text);
            assert_eq!(has_placeholder_title(&doc), yes, "{title}");
        }
    }
}
