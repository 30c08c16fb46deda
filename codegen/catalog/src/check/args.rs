//! The arguments of each code (`codes[].args`) and the message templates that place them.

use std::collections::HashMap;

use serde_json::Value;

use crate::diag::{Diagnostic, Diagnostics};
use crate::format::args::{Piece, is_arg_name, template};
use crate::format::{Arg, ArgType, Catalog, Visibility};
use crate::ident;

/// Checks every code's arguments, and the message of each code that has some.
pub(super) fn check(catalog: &Catalog, out: &mut Diagnostics) {
    let place = catalog.args_place();
    // Where the arguments are the error's own members, those other parts name are taken.
    let taken: Vec<String> = match (
        &place,
        catalog.envelope.as_ref().and_then(|e| e.layout.as_ref()),
    ) {
        (Some(p), Some(layout)) if p.is_empty() => layout.placed_members(),
        _ => Vec::new(),
    };
    rust_names(catalog, out);
    for (i, code) in catalog.codes.iter().enumerate() {
        if code.args.is_empty() {
            continue;
        }
        let at = format!("/codes/{i}");
        let mut names: HashMap<&str, usize> = HashMap::new();
        for (j, arg) in code.args.iter().enumerate() {
            let here = format!("{at}/args/{j}");
            if !is_arg_name(&arg.name) {
                out.push(
                    Diagnostic::at(
                        format!("{here}/name"),
                        format!("`{}` is not an argument name", arg.name),
                    )
                    .hint("use ASCII letters, digits and `_`, starting with a letter"),
                );
            } else if let Some(first) = names.insert(&arg.name, j) {
                out.push(
                    Diagnostic::at(
                        format!("{here}/name"),
                        format!("duplicate argument `{}`", arg.name),
                    )
                    .related(format!("{at}/args/{first}/name"), "first declared here"),
                );
            }
            shape(catalog, arg, &here, out);
        }
        let message = format!("{at}/message");
        let pieces = match template(&code.message) {
            Ok(pieces) => pieces,
            Err(e) => {
                out.push(
                    Diagnostic::at(
                        &message,
                        format!(
                            "the message of `{}` is a template (the code has `args`): at byte {}, {}",
                            code.code.wire(),
                            e.at,
                            e.problem
                        ),
                    )
                    .hint("a template places arguments with `{$name}`; write other braces as `\\{` and `\\}`"),
                );
                continue;
            }
        };
        let mut placed = Vec::new();
        for piece in &pieces {
            let Piece::Arg(name) = piece else { continue };
            placed.push(name.as_str());
            match names.get(name.as_str()).map(|&j| (j, &code.args[j])) {
                None => out.push(
                    Diagnostic::at(&message, format!("`{{${name}}}` names no argument of `{}`", code.code.wire()))
                        .hint(format!("declare `{name}` in `args`, or fix the placeholder's name")),
                ),
                Some((j, arg)) if !arg.visibility.is_public() => out.push(
                    Diagnostic::at(
                        &message,
                        format!(
                            "the message places `{name}`, {} argument, but the message is public: it reaches the client",
                            if arg.visibility == Visibility::Internal { "an internal" } else { "a secret" }
                        ),
                    )
                    .related(format!("{at}/args/{j}/visibility"), "declared here")
                    .hint("make the argument `public`, or take it out of the message"),
                ),
                Some((j, arg)) if arg.optional => out.push(
                    Diagnostic::at(
                        &message,
                        format!("the message places `{name}`, an optional argument: an error without it would have a gap"),
                    )
                    .related(format!("{at}/args/{j}/optional"), "declared here")
                    .hint("make the argument required, or take it out of the message"),
                ),
                Some((j, arg)) if arg.items == Some(ArgType::Object) => out.push(
                    Diagnostic::at(
                        &message,
                        format!("the message places `{name}`, a list of objects, which has no text of its own"),
                    )
                    .related(format!("{at}/args/{j}"), "declared here")
                    .hint("carry it in the details, and take it out of the message"),
                ),
                Some(_) => {}
            }
        }
        for (j, arg) in code.args.iter().enumerate() {
            if arg.visibility.is_public() && taken.contains(&arg.name) {
                out.push(
                    Diagnostic::at(
                        format!("{at}/args/{j}/name"),
                        format!(
                            "argument `{}` would be the error's member `{}`, which the layout already gives another part",
                            arg.name, arg.name
                        ),
                    )
                    .hint("arguments travel as the error's own members here (RFC 9457 extension members): rename the argument"),
                );
            }
            let unplaced = arg.visibility.is_public()
                && place.is_none()
                && !placed.contains(&arg.name.as_str());
            if unplaced {
                out.push(
                    Diagnostic::at(
                        format!("{at}/args/{j}"),
                        format!(
                            "public argument `{}` goes nowhere: the message does not place it, and the error body has no `details` object to carry it",
                            arg.name
                        ),
                    )
                    .hint(format!(
                        "place it in the message (`{{${}}}`), give the envelope's `layout` a `details` object (not the field errors' place), or make it `internal`",
                        arg.name
                    )),
                );
            }
        }
    }
}

/// The Rust names the arguments become must differ: fields of one code (`retryAfter` and
/// `retry_after` are both `retry_after`), variants of one enum, and the types of the `args`
/// module (`X`, `XArgs`, and `XField` for an enum argument `field` of code `X`).
fn rust_names(catalog: &Catalog, out: &mut Diagnostics) {
    let variants = catalog.variant_names();
    // Each name, with where it comes from (`None`: an item errcat writes in the module).
    let mut types: HashMap<String, Option<String>> = ["Args", "ArgsError", "Render"]
        .into_iter()
        .map(|t| (t.to_owned(), None))
        .collect();
    for (i, set) in catalog.code_sets.iter().enumerate() {
        let here = Some(format!("/code_sets/{i}/name"));
        types.entry(ident::code_set_type(&set.name)).or_insert(here);
    }
    for (i, (code, variant)) in catalog.codes.iter().zip(&variants).enumerate() {
        if code.args.is_empty() {
            continue;
        }
        let at = format!("/codes/{i}/args");
        let mut fields: HashMap<String, usize> = HashMap::new();
        let mut names = vec![
            (variant.clone(), at.clone()),
            (ident::args_type(variant), at.clone()),
        ];
        for (j, arg) in code.args.iter().enumerate() {
            if !is_arg_name(&arg.name) {
                continue;
            }
            let field = ident::field_name(&arg.name);
            let first = *fields.entry(field.clone()).or_insert(j);
            if first != j && code.args[first].name != arg.name {
                out.push(
                    Diagnostic::at(
                        format!("{at}/{j}/name"),
                        format!(
                            "arguments `{}` and `{}` both become the Rust field `{field}`",
                            code.args[first].name, arg.name
                        ),
                    )
                    .related(format!("{at}/{first}/name"), "the other one")
                    .hint("rename one of them"),
                );
            }
            if arg.items == Some(ArgType::Object) {
                names.push((
                    ident::arg_item_type(variant, &arg.name),
                    format!("{at}/{j}/name"),
                ));
            }
            if arg.ty == ArgType::Enum {
                names.push((
                    ident::arg_enum_type(variant, &arg.name),
                    format!("{at}/{j}/name"),
                ));
                let mut values: HashMap<String, usize> = HashMap::new();
                for (k, value) in arg.values.iter().enumerate() {
                    let name = ident::variant_name(value);
                    let first = *values.entry(name.clone()).or_insert(k);
                    if arg.values[first] != *value {
                        out.push(
                            Diagnostic::at(
                                format!("{at}/{j}/values/{k}"),
                                format!("values `{}` and `{value}` both become the Rust variant `{name}`", arg.values[first]),
                            )
                            .related(format!("{at}/{j}/values/{first}"), "the other one"),
                        );
                    }
                }
            }
        }
        for (name, here) in names {
            let Some(other) = types.insert(name.clone(), Some(here.clone())) else {
                continue;
            };
            let problem = Diagnostic::at(
                &here,
                format!("the `args` module would have two items named `{name}`"),
            )
            .hint("give the code another Rust name with `name`");
            out.push(match other {
                Some(other) => problem.related(other, "the other one comes from here"),
                None => problem.hint(format!("`{name}` is errcat's own item of that module")),
            });
        }
    }
}

/// The type of one argument: `items` exactly for a list, `values` exactly for an enum, `set`
/// exactly for a code (naming a declared set), and an example of the argument's type.
fn shape(catalog: &Catalog, arg: &Arg, here: &str, out: &mut Diagnostics) {
    let sets: Vec<&str> = catalog.code_sets.iter().map(|s| s.name.as_str()).collect();
    match (arg.ty, &arg.set) {
        (ArgType::Code, None) => out.push(
            Diagnostic::at(
                format!("{here}/type"),
                format!("code argument `{}` names no `set`", arg.name),
            )
            .hint("name the inner code set its codes come from: `\"set\": \"validation\"`"),
        ),
        (ArgType::Code, Some(set)) if !sets.contains(&set.as_str()) => out.push(
            Diagnostic::at(format!("{here}/set"), format!("no inner code set `{set}`")).hint(
                format!(
                    "declare it in `code_sets`; declared: {}",
                    if sets.is_empty() {
                        "none".to_owned()
                    } else {
                        sets.join(", ")
                    }
                ),
            ),
        ),
        (ArgType::Code, Some(_)) | (_, None) => {}
        (_, Some(_)) => out.push(
            Diagnostic::at(
                format!("{here}/set"),
                format!("`set` on `{}`, which is not a code", arg.name),
            )
            .hint("remove `set`, or make the type `code`"),
        ),
    }
    match (arg.ty, arg.items) {
        (ArgType::List, None) => out.push(
            Diagnostic::at(
                format!("{here}/type"),
                format!("list argument `{}` has no `items`", arg.name),
            )
            .hint("say the type of each item: `\"items\": \"string\"`"),
        ),
        (ArgType::List, Some(ArgType::List | ArgType::Enum | ArgType::Code)) => out.push(
            Diagnostic::at(
                format!("{here}/items"),
                format!("the items of `{}` are not a simple type", arg.name),
            )
            .hint("items are `string`, `integer`, `number`, `bool` or `object` (with `fields`)"),
        ),
        (ArgType::List, Some(_)) | (_, None) => {}
        (_, Some(_)) => out.push(
            Diagnostic::at(
                format!("{here}/items"),
                format!("`items` on `{}`, which is not a list", arg.name),
            )
            .hint("remove `items`, or make the type `list`"),
        ),
    }
    fields(arg, here, out);
    match (arg.ty, arg.values.is_empty()) {
        (ArgType::Enum, true) => out.push(
            Diagnostic::at(
                format!("{here}/type"),
                format!("enum argument `{}` has no `values`", arg.name),
            )
            .hint("list the values it may take: `\"values\": [\"a\", \"b\"]`"),
        ),
        (ArgType::Enum, false) => {
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for (k, value) in arg.values.iter().enumerate() {
                if value.trim().is_empty() {
                    out.push(Diagnostic::at(
                        format!("{here}/values/{k}"),
                        "an empty enum value",
                    ));
                } else if let Some(first) = seen.insert(value, k) {
                    out.push(
                        Diagnostic::at(
                            format!("{here}/values/{k}"),
                            format!("duplicate value `{value}`"),
                        )
                        .related(format!("{here}/values/{first}"), "first listed here"),
                    );
                }
            }
        }
        (_, true) => {}
        (_, false) => out.push(
            Diagnostic::at(
                format!("{here}/values"),
                format!("`values` on `{}`, which is not an enum", arg.name),
            )
            .hint("remove `values`, or make the type `enum`"),
        ),
    }
    if let Some(example) = &arg.example
        && !fits(catalog, arg, example)
    {
        out.push(
            Diagnostic::at(
                format!("{here}/example"),
                format!(
                    "the example of `{}` is not {}",
                    arg.name,
                    match arg.ty {
                        ArgType::Enum => "one of its values".to_owned(),
                        ArgType::Code => "a code of its set".to_owned(),
                        ArgType::List if arg.items == Some(ArgType::Object) =>
                            "a list of objects of its `fields`".to_owned(),
                        ArgType::List =>
                            format!("a list of {}", arg.items.map_or("items", ArgType::name)),
                        ArgType::Integer => "an integer".to_owned(),
                        ty => format!("a {}", ty.name()),
                    }
                ),
            )
            .hint(match arg.ty {
                ArgType::Enum => "give one of its `values`".to_owned(),
                ArgType::Code => "give one of the codes its `set` lists".to_owned(),
                ArgType::List if arg.items == Some(ArgType::Object) => {
                    "give a list of objects, each with every required field of its type and no other member".to_owned()
                }
                ArgType::List => format!(
                    "give a list of {}",
                    arg.items.map_or("items", ArgType::name)
                ),
                ty => format!("give a JSON {}", ty.name()),
            }),
        );
    }
}

/// The members of a list of objects: `fields` exactly where the items are `object`, each a
/// simple type, named once. `object` anywhere but as a list's items is refused.
fn fields(arg: &Arg, here: &str, out: &mut Diagnostics) {
    let objects = arg.ty == ArgType::List && arg.items == Some(ArgType::Object);
    if arg.ty == ArgType::Object {
        out.push(
            Diagnostic::at(
                format!("{here}/type"),
                format!("`{}` is an object, which only a list's items may be", arg.name),
            )
            .hint("make it a list of objects (`\"type\": \"list\", \"items\": \"object\"`), or give each member its own argument"),
        );
    }
    match (objects, arg.fields.is_empty()) {
        (true, true) => out.push(
            Diagnostic::at(
                format!("{here}/items"),
                format!("the items of `{}` are objects, but it has no `fields`", arg.name),
            )
            .hint("list the members of each item: `\"fields\": [{\"name\": \"index\", \"type\": \"integer\"}]`"),
        ),
        (false, false) => out.push(
            Diagnostic::at(
                format!("{here}/fields"),
                format!("`fields` on `{}`, whose items are not objects", arg.name),
            )
            .hint("remove `fields`, or make it a list of objects (`\"items\": \"object\"`)"),
        ),
        _ => {}
    }
    let mut names: HashMap<String, usize> = HashMap::new();
    for (k, field) in arg.fields.iter().enumerate() {
        let at = format!("{here}/fields/{k}");
        if !is_arg_name(&field.name) {
            out.push(
                Diagnostic::at(
                    format!("{at}/name"),
                    format!("`{}` is not a field name", field.name),
                )
                .hint("use ASCII letters, digits and `_`, starting with a letter"),
            );
        } else if let Some(first) = names.insert(ident::field_name(&field.name), k) {
            out.push(
                Diagnostic::at(
                    format!("{at}/name"),
                    format!(
                        "fields `{}` and `{}` of `{}` become one Rust field",
                        arg.fields[first].name, field.name, arg.name
                    ),
                )
                .related(format!("{here}/fields/{first}/name"), "the other one")
                .hint("rename one of them"),
            );
        }
        if !matches!(
            field.ty,
            ArgType::String | ArgType::Integer | ArgType::Number | ArgType::Bool
        ) {
            out.push(
                Diagnostic::at(
                    format!("{at}/type"),
                    format!(
                        "field `{}` of `{}` is not a simple type",
                        field.name, arg.name
                    ),
                )
                .hint("a field is `string`, `integer`, `number` or `bool`"),
            );
        }
    }
}

/// Whether `value` is of `arg`'s type.
fn fits(catalog: &Catalog, arg: &Arg, value: &Value) -> bool {
    let scalar = |ty: ArgType, v: &Value| match ty {
        ArgType::String => v.is_string(),
        ArgType::Integer => v.is_i64(),
        ArgType::Number => v.is_number(),
        ArgType::Bool => v.is_boolean(),
        ArgType::List | ArgType::Enum | ArgType::Code | ArgType::Object => false,
    };
    // An item of a list of objects: each field of its type, every required one there, and
    // no member the fields do not name.
    let object = |v: &Value| {
        v.as_object().is_some_and(|members| {
            members
                .keys()
                .all(|k| arg.fields.iter().any(|f| f.name == *k))
                && arg.fields.iter().all(|f| match members.get(&f.name) {
                    Some(v) => scalar(f.ty, v),
                    None => f.optional,
                })
        })
    };
    match arg.ty {
        ArgType::List => value.as_array().is_some_and(|items| match arg.items {
            Some(ArgType::Object) => items.iter().all(object),
            Some(ty) => items.iter().all(|v| scalar(ty, v)),
            None => false,
        }),
        ArgType::Enum => value
            .as_str()
            .is_some_and(|v| arg.values.iter().any(|x| x == v)),
        ArgType::Code => value.as_str().is_some_and(|v| {
            let set = catalog
                .code_sets
                .iter()
                .find(|s| Some(&s.name) == arg.set.as_ref());
            set.is_some_and(|s| s.codes.iter().any(|c| c.code == v))
        }),
        ty => scalar(ty, value),
    }
}
