// `OUT_OF_STOCK`'s `available` is an integer: a string in its place does not compile.
fn main() {
    let _error = shop_errors::args::OutOfStock::new("sku-1", "two", "w-1");
}
