// Stylesheets have no behaviour to test in jsdom.
export default {};
