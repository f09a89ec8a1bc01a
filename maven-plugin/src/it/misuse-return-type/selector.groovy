return evaluate(new File(itSources, "transformer-ready.groovy"))
