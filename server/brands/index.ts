export { currentBrandOverview } from "./overview";
export {
  getRestrictedGoods,
  isRestrictedBrand,
  restrictedGoodsCategories,
  restrictedGoodsLabels,
  updateRestrictedGoods,
  type RestrictedGoods,
  type RestrictedGoodsCategory,
} from "./restricted-goods";
