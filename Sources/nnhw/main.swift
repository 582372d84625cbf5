print("nnhw")
