//! The first pass over the screens: ids, terminal flags, declared data and
//! input names — everything references, navigation and routing may name.

use super::components;
use super::expr::Type;
use crate::check::{At, NameIndex};

/// What the rest of the Flow can know about one screen.
pub(crate) struct ScreenInfo<'s> {
    /// The `id` (empty when missing or not a string).
    pub id: &'s str,
    /// The screen object.
    pub at: At<'s>,
    /// `terminal: true`.
    pub terminal: bool,
    /// Top-level `data` declarations: name and value type.
    pub data: Vec<(&'s str, Type)>,
    /// Input components anywhere in the layout.
    pub inputs: Vec<Input<'s>>,
    data_index: NameIndex,
    input_index: NameIndex,
}

/// An input component: what `${form.name}` names.
pub(crate) struct Input<'s> {
    /// Its `name`.
    pub name: &'s str,
    /// Its component type.
    pub component: &'static str,
    /// The type its value has in expressions.
    pub value: Type,
}

impl<'s> ScreenInfo<'s> {
    fn new(at: At<'s>, data: Vec<(&'s str, Type)>, inputs: Vec<Input<'s>>) -> Self {
        let data_index = NameIndex::new(data.len(), &|i| data.get(i).map_or("", |(name, _)| *name));
        let input_index = NameIndex::new(inputs.len(), &|i| inputs.get(i).map_or("", |input| input.name));
        Self {
            id: at.get("id").and_then(|id| id.node.as_str()).unwrap_or_default(),
            at,
            terminal: at.get("terminal").and_then(|t| t.node.as_bool()) == Some(true),
            data,
            inputs,
            data_index,
            input_index,
        }
    }

    /// The declared type of data field `name`, if declared.
    pub fn data_type(&self, name: &str) -> Option<Type> {
        let found = self.data_index.find(name, &|i| self.data.get(i).map_or("", |(field, _)| *field))?;
        self.data.get(found).map(|(_, value)| *value)
    }

    /// The input named `name`, if the screen has one.
    pub fn input(&self, name: &str) -> Option<&Input<'s>> {
        let found = self.input_index.find(name, &|i| self.inputs.get(i).map_or("", |input| input.name))?;
        self.inputs.get(found)
    }
}

/// Screen ids, for lookups by id.
pub(crate) fn id_index(screens: &[ScreenInfo<'_>]) -> NameIndex {
    NameIndex::new(screens.len(), &|i| screens.get(i).map_or("", |screen| screen.id))
}

/// Indexes every screen of `list` (in order; malformed parts are skipped
/// here and reported by the walk).
pub(crate) fn screens<'s>(list: &[At<'s>]) -> Vec<ScreenInfo<'s>> {
    list.iter()
        .map(|at| {
            let mut inputs = Vec::new();
            if let Some(children) = at.get("layout").and_then(|layout| layout.get("children")) {
                collect_inputs(&children, &mut inputs);
            }
            ScreenInfo::new(*at, declared_data(at), inputs)
        })
        .collect()
}

fn declared_data<'s>(screen: &At<'s>) -> Vec<(&'s str, Type)> {
    let members = screen.get("data").and_then(|data| data.node.members()).unwrap_or_default();
    members
        .iter()
        .map(|(key, declaration)| {
            let declared = declaration.get("type").and_then(|t| t.as_str());
            (key.name.as_ref(), data_type(declared))
        })
        .collect()
}

/// The expression type of a data declaration's `type`.
pub(crate) fn data_type(declared: Option<&str>) -> Type {
    match declared {
        Some("string") => Type::String,
        Some("number" | "integer") => Type::Number,
        Some("boolean") => Type::Boolean,
        _ => Type::Unknown,
    }
}

/// Every named input under `children`, through Forms, If branches and Switch cases.
pub(crate) fn collect_inputs<'s>(children: &At<'s>, inputs: &mut Vec<Input<'s>>) {
    for node in children.node.items().unwrap_or_default() {
        let child = At { node };
        let kind = child.get("type").and_then(|t| t.node.as_str()).unwrap_or_default();
        match kind {
            "Form" => child.get("children").iter().for_each(|c| collect_inputs(c, inputs)),
            "If" => {
                ["then", "else"].iter().filter_map(|k| child.get(k)).for_each(|c| collect_inputs(&c, inputs))
            }
            "Switch" => {
                let cases = child.get("cases").and_then(|c| c.node.members()).unwrap_or_default();
                cases.iter().for_each(|(_, case)| collect_inputs(&At { node: case }, inputs));
            }
            _ => {
                let spec = components::spec(kind).filter(|spec| spec.input);
                let name = child.get("name").and_then(|n| n.node.as_str());
                if let (Some(spec), Some(name)) = (spec, name) {
                    inputs.push(Input { name, component: spec.name, value: input_type(spec.name, &child) });
                }
            }
        }
    }
}

fn input_type(component: &str, at: &At<'_>) -> Type {
    match component {
        "TextInput" if at.get("input-type").and_then(|t| t.node.as_str()) == Some("number") => Type::Number,
        "TextInput" | "TextArea" | "Dropdown" | "RadioButtonsGroup" | "DatePicker" => Type::String,
        "OptIn" => Type::Boolean,
        _ => Type::Unknown,
    }
}
