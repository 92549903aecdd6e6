use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let count = use_state(|| 0);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! { <button id="ready" {onclick}>{ format!("chitieu benchmark floor: {}", *count) }</button> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
